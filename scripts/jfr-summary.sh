#!/usr/bin/env bash
# Summarises a JDK Flight Recorder file from scripts/bench.sh (HTX_BENCH_JFR=1): where the app's threads were
# sampled on the CPU while serving HTTP requests, by the top frame's area (package; project classes by name) and by
# the share of samples whose stack passes through each area.
# Usage: scripts/jfr-summary.sh target/bench/app.jfr [top-N]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
use_jdk25
file="${1:?a .jfr file}"
top="${2:-25}"
jfr print --json --events jdk.ExecutionSample "$file" | python3 -c '
import json, sys, collections
top = int(sys.argv[1])
events = json.load(sys.stdin)["recording"]["events"]
def area(frame):
    name = frame["method"]["type"]["name"].replace("/", ".")
    parts = name.split(".")
    if name.startswith("vn.htxconnect."):
        return ".".join(parts[:3]) + "." + parts[-1].split("$")[0]
    return ".".join(parts[:3])
leaf, through = collections.Counter(), collections.Counter()
for e in events:
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    # Only the threads that serve requests (Tomcat handlers, the async executor GraphQL runs on, the
    # I/O threads of the Elasticsearch client): not start-up ("main"), pollers or schedulers.
    thread = e["values"]["sampledThread"]
    name = thread.get("javaName") or thread.get("osName") or ""
    if not frames or not name.startswith(("tomcat-handler-", "task-", "elasticsearch-rest-client-")):
        continue
    leaf[area(frames[0])] += 1
    seen = set()
    for f in frames:
        a = area(f)
        if a not in seen:
            seen.add(a); through[a] += 1
n = sum(leaf.values())
print(f"{n} CPU samples while serving requests")
print("\nTop frame (where the CPU was):")
for a, c in leaf.most_common(top):
    print(f"  {100*c/n:5.1f} %  {a}")
print("\nOn the stack (the share of samples that pass through it):")
for a, c in through.most_common(top):
    print(f"  {100*c/n:5.1f} %  {a}")
' "$top"
