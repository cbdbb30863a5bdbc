#!/usr/bin/env bash
# Summarises a JDK Flight Recorder file from scripts/bench.sh (HTX_BENCH_JFR=1): where the app's threads were
# sampled on the CPU, (1) by layer — each sample goes to the first layer found walking its stack from the top, so
# the shares add up to 100 % — and (2) by entry point — the share of samples whose stack passes through it.
# Usage: scripts/jfr-summary.sh target/bench/app.jfr
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
use_jdk25
file="${1:?a .jfr file}"
# jfr print keeps 5 frames of a stack unless told otherwise (the recording holds 256).
# CPU-time samples (JDK 25 on Linux; the benchmark records them) count all CPU time, system calls included; older
# recordings have execution samples only, which see threads running Java code (a few each period).
event=jdk.ExecutionSample
if jfr summary "$file" | awk '$1 == "jdk.CPUTimeSample" && $2 > 0 { found = 1 } END { exit !found }'; then
  event=jdk.CPUTimeSample
fi
echo "Samples: $event"
jfr print --stack-depth 256 --json --events "$event" "$file" | python3 -c '
import json, sys, collections
events = json.load(sys.stdin)["recording"]["events"]
layers = [
    ("SQL (MySQL driver, Hibernate, Hikari, Spring Data/JDBC/transactions)", ("com.mysql", "org.hibernate", "com.zaxxer",
        "org.springframework.data", "org.springframework.orm", "org.springframework.jdbc", "org.springframework.transaction")),
    ("JWT (Nimbus)", ("com.nimbusds",)),
    ("Elasticsearch client (typed API, JSON-P)", ("co.elastic",)),
    ("Apache HTTP client (under the Elasticsearch client)", ("org.apache.hc",)),
    ("search query building", tuple("vn.htxconnect.search.internal." + c for c in ("ProductQueryBuilder", "ProductTextQuery",
        "WithinTier", "TierLadder", "QueryWords", "QueryClauses", "QueryExpander", "SynonymRules", "TypingCorrections",
        "IntentWords", "ItemIdentity"))),
    ("search hits to products, highlights", tuple("vn.htxconnect.search.internal." + c for c in ("ProductSearchService",
        "ProductDocument", "ProductField", "Highlights"))),
    ("other project code", ("vn.htxconnect",)),
    ("Spring Security filters", ("org.springframework.security",)),
    ("GraphQL instrumentation, observation, metrics", ("graphql.execution.instrumentation", "io.micrometer",
        "org.springframework.graphql.observation")),
    ("graphql-java + Spring for GraphQL", ("graphql.", "org.springframework.graphql")),
    ("Jackson (request and response JSON)", ("tools.jackson", "com.fasterxml")),
    ("Spring MVC", ("org.springframework.web", "org.springframework.http")),
    ("Tomcat", ("org.apache.catalina", "org.apache.coyote", "org.apache.tomcat")),
]
entries = ["FilterChainProxy.doFilter", "BearerAuthentication", "GraphQlHttpHandler.handleRequest", "ExecutionStrategy",
           "ProductSearchService.search", "ProductQueryBuilder.build", "ElasticsearchClient.search", "ProductDocument.product",
           "CoyoteAdapter.asyncDispatch", "OutboxDispatcher.poll"]
layer, through, threads = collections.Counter(), collections.Counter(), collections.Counter()
n = 0
for e in events:
    st = e["values"].get("stackTrace")
    if not st:
        continue
    n += 1
    t = e["values"].get("sampledThread") or e["values"].get("eventThread") or {}
    threads[(t.get("javaName") or t.get("osName") or "").rstrip("0123456789-")] += 1
    frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in st["frames"]]
    found = "JDK and the rest"
    for f in frames:
        hit = next((name for name, prefixes in layers if f.startswith(prefixes)), None)
        if hit:
            found = hit
            break
    layer[found] += 1
    for m in entries:
        if any(m in f for f in frames):
            through[m] += 1
print(f"{n} CPU samples; by thread: " + ", ".join(f"{k} {v}" for k, v in threads.most_common(6)))
print("\nBy layer (first layer from the top of the stack):")
for a, c in layer.most_common():
    print(f"  {100*c/n:5.1f} %  {a}")
print("\nThrough (share of samples whose stack passes through):")
for m in entries:
    print(f"  {100*through[m]/n:5.1f} %  {m}")
'
