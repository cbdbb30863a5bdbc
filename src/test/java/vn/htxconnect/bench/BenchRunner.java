package vn.htxconnect.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark (not a test; {@code scripts/bench.sh} runs it against a running app and its data):
 * <ol>
 *   <li>a fixed mix of product searches through GraphQL over HTTP and the very same Elasticsearch request
 *       (fetched from the app's {@code searchProductsRequest}) sent straight to Elasticsearch, after a
 *       warm-up, sequentially and with concurrent clients: p50/p95/p99 and throughput side by side;</li>
 *   <li>the full reindex's load rate against raw {@code _bulk} loads of the same documents (one before the reindex,
 *       one after) into a scratch index with the same mapping and load settings, with as many requests in flight;</li>
 *   <li>write-to-searchable delay: products created through GraphQL, polled for until search finds them;</li>
 *   <li>the load step ({@link LoadStep}): 32 clients with their own credentials and a mix of real use for 60 s, then
 *       the same with Elasticsearch killed for 20 s when {@code --es-kill} and {@code --es-up} are given.</li>
 * </ol>
 * Every loop is bounded in count and time, and it only talks to the addresses it is given (loopback).
 */
public final class BenchRunner {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SEARCH = """
            query($q: String, $f: ProductFilter, $s: ProductSort) {
              searchProducts(query: $q, filter: $f, sort: $s, first: 20) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { cursor score distanceKm highlights { field fragments }
                        node { id name unit priceMinVnd priceMaxVnd provinceCode ocopStars availableMonths } }
                facets { category { value label count } province { value label count }
                         certification { value count } ocopStars { value count } }
              }
            }""";
    private static final int WARMUP_ROUNDS = 3;
    /**
     * The search step warms up for this long (and at least {@link #WARMUP_ROUNDS} rounds) before measuring: the app
     * starts fresh for every run, and its JIT compiler needs some thousand requests before the request path runs as
     * compiled code (Elasticsearch, long running, is warm already). {@code --warmup SECONDS}; 0 measures a cold app.
     */
    private static long warmupSeconds = 60;
    /**
     * Past that minimum the warm-up goes on until the app's JIT compiler spent less than this share of a round's time
     * compiling ({@code jvm.compilation.time}): after 60 s of sequential warm-up it still took a third of the app's
     * CPU during the measurement (docs/performance.md, profile 4), which a long-running instance no longer pays.
     */
    private static final double JIT_SETTLED = 0.03;
    /** Rounds in a row under {@link #JIT_SETTLED}: compilation comes in bursts, one quiet round proved nothing. */
    private static final int JIT_QUIET_ROUNDS = 3;
    private static final long MAX_WARMUP_SECONDS = 180;
    /** With {@code --jfr-pid} and {@code --jfr-file}: the app's process, profiled only while search is measured. */
    private static String jfrPid;
    private static String jfrFile;
    private static final int SEQUENTIAL_ROUNDS = 8;
    /** The dashboard's page loads are few and slow-ish: enough rounds that p95 is not simply the slowest one. */
    private static final int DASHBOARD_ROUNDS = 40;
    private static final int CLIENTS = 4;
    private static final int CONCURRENT_ROUNDS = 2;
    private static final int IN_FLIGHT = 3;
    private static final int WRITES = 40;

    private final String graphql;
    private final String es;
    private final String alias;
    private final List<String> report = new ArrayList<>();

    /** Admin bearer token: reindexing and reading the Elasticsearch request are admin operations. */
    private static String token;

    private BenchRunner(String graphql, String es, String prefix) {
        this.graphql = graphql;
        this.es = es;
        this.alias = prefix + "products";
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        token = a.get("token");
        warmupSeconds = Long.parseLong(a.getOrDefault("warmup", "60"));
        jfrPid = a.get("jfr-pid");
        jfrFile = a.get("jfr-file");
        BenchRunner bench = new BenchRunner(a.getOrDefault("graphql", "http://localhost:18080/graphql"),
                a.getOrDefault("es", "http://127.0.0.1:9200"), a.getOrDefault("prefix", "bench-"));
        String only = a.getOrDefault("only", "search,match,dashboard,reindex,write,load");
        try {
            bench.run(only, a);
        } finally {
            // What was measured is printed even when a later step fails.
            System.out.println();
            System.out.println("==================== HTX Connect benchmark ====================");
            bench.report.forEach(System.out::println);
        }
    }

    private void run(String only, Map<String, String> a) throws Exception {
        BenchRunner bench = this;
        if (only.contains("search")) {
            bench.searchLatency();
        }
        if (only.contains("match")) {
            bench.matchingLatency();
        }
        if (only.contains("dashboard")) {
            bench.dashboardData();
        }
        if (only.contains("reindex")) {
            bench.reindexVersusRawBulk();
        }
        if (only.contains("write")) {
            bench.writeToSearchable();
        }
        if (only.contains("load")) {
            bench.report.addAll(new LoadStep(a, bench.graphql, token, bench.es, bench.alias).run());
        }
    }

    // ---------------------------------------------------------------- 1. search latency

    /** The fixed query mix: accented, unaccented, regional words, filters, geo, sorts, browsing. */
    static List<Map<String, Object>> queryMix() {
        List<Map<String, Object>> mix = new ArrayList<>();
        mix.add(q("cà phê robusta", null, null));
        mix.add(q("ca phe robusta", null, null));
        mix.add(q("thịt heo", null, null));
        mix.add(q("thit lon ba chi", null, null));
        mix.add(q("khóm", null, null));
        mix.add(q("gạo ST25", null, null));
        mix.add(q("gao st25 soc trang", null, null));
        mix.add(q("sầu riêng ri6", null, null));
        mix.add(q("vải thiều lục ngạn", null, null));
        mix.add(q("nhan long hung yen", null, null));
        mix.add(q("trà thái nguyên", null, null));
        mix.add(q("bưởi da xanh", Map.of("province", "Bến Tre"), null));
        mix.add(q("hồ tiêu", Map.of("certifications", List.of("VIETGAP")), null));
        mix.add(q("mật ong", Map.of("minOcopStars", 4), null));
        mix.add(q("nước mắm phú quốc", null, null));
        mix.add(q("nấm mèo", null, null));
        mix.add(q("đậu phộng", null, null));
        mix.add(q("xoai cat hoa loc", Map.of("availableInMonth", 4), null));
        mix.add(q("rau hữu cơ", Map.of("near", Map.of("lat", 21.03, "lon", 105.85, "radiusKm", 60)),
                Map.of("field", "DISTANCE")));
        mix.add(q("thanh long", null, Map.of("field", "PRICE", "direction", "ASC")));
        mix.add(q(null, Map.of("category", "FRUIT", "province", "Đắk Lắk"), null));
        mix.add(q(null, Map.of("verifiedOnly", true, "certifications", List.of("ORGANIC")), null));
        mix.add(q("cá lóc", null, null));
        mix.add(q("dieu rang muoi", Map.of("maxPriceVnd", 300000), null));
        mix.add(q("mây tre đan", null, null));
        mix.add(q("tôm khô cà mau", Map.of("near", Map.of("lat", 9.18, "lon", 105.15, "radiusKm", 100)), null));
        return mix;
    }

    private static Map<String, Object> q(String text, Map<String, Object> filter, Map<String, Object> sort) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("q", text);
        v.put("f", filter);
        v.put("s", sort);
        return v;
    }

    private void searchLatency() throws Exception {
        List<Map<String, Object>> mix = queryMix();
        List<String> graphqlBodies = new ArrayList<>();
        List<String> esBodies = new ArrayList<>();
        for (Map<String, Object> vars : mix) {
            graphqlBodies.add(JSON.writeValueAsString(Map.of("query", SEARCH, "variables", vars)));
            JsonNode r = graphql("""
                    query($q: String, $f: ProductFilter, $s: ProductSort) {
                      searchProductsRequest(query: $q, filter: $f, sort: $s, first: 20) }""", vars);
            esBodies.add(r.path("data").path("searchProductsRequest").asString());
        }
        String esUrl = es + "/" + alias + "/_search";
        long warmStart = System.nanoTime();
        int warmRounds = 0;
        long roundStart = warmStart;
        long compiled = compilationMillis();
        double compiling = Double.NaN;
        int quietRounds = 0;
        while (true) {
            // Both ways the requests are measured: sequentially, then from concurrent clients (whose code paths,
            // contended locks and all, the compiler otherwise met only during the measurement).
            for (int k = 0; k < mix.size(); k++) {
                post(graphql, graphqlBodies.get(k));
                post(esUrl, esBodies.get(k));
            }
            if (warmupSeconds > 0) {
                concurrent(graphql, graphqlBodies);
                concurrent(esUrl, esBodies);
            }
            warmRounds++;
            long now = System.nanoTime();
            long compiledNow = compilationMillis();
            // Unknown (the metric did not answer): the warm-up ends at its minimum, as it did before it asked.
            compiling = compiled < 0 || compiledNow < 0 ? Double.NaN : (compiledNow - compiled) / ((now - roundStart) / 1e6);
            compiled = compiledNow;
            roundStart = now;
            quietRounds = Double.isNaN(compiling) ? JIT_QUIET_ROUNDS : compiling < JIT_SETTLED ? quietRounds + 1 : 0;
            boolean minimum = warmRounds >= WARMUP_ROUNDS && now - warmStart >= warmupSeconds * 1_000_000_000L;
            // A cold measurement (--warmup 0) does not wait for the compiler.
            boolean settled = warmupSeconds == 0 || quietRounds >= JIT_QUIET_ROUNDS
                    || now - warmStart >= MAX_WARMUP_SECONDS * 1_000_000_000L;
            if (minimum && settled) {
                break;
            }
        }
        long warmedSeconds = (System.nanoTime() - warmStart) / 1_000_000_000L;
        // CPU-time samples (JDK 25, Linux) count the CPU time of every thread, system calls included; the execution
        // sampler sees threads running Java code only, a few each period, and missed most of the Elasticsearch
        // client's I/O thread, which lives in socket writes and epoll (docs/performance.md, profile 4).
        jcmd("JFR.start", "name=bench", "settings=profile", "jdk.CPUTimeSample#enabled=true", "jdk.CPUTimeSample#throttle=5ms");
        long[] hits = new long[mix.size()];
        for (int k = 0; k < mix.size(); k++) {
            hits[k] = JSON.readTree(post(graphql, graphqlBodies.get(k))).path("data").path("searchProducts").path("totalCount").asLong();
        }
        // Sequential: each query through GraphQL, then the same request straight to Elasticsearch.
        List<Long> g = new ArrayList<>();
        List<Long> e = new ArrayList<>();
        long gTime = 0;
        long eTime = 0;
        for (int round = 0; round < SEQUENTIAL_ROUNDS; round++) {
            for (int k = 0; k < mix.size(); k++) {
                long t = timed(graphql, graphqlBodies.get(k));
                g.add(t);
                gTime += t;
                t = timed(esUrl, esBodies.get(k));
                e.add(t);
                eTime += t;
            }
        }
        report.add("");
        report.add(("1. Search: %d queries x %d rounds after %d warm-up rounds (sequential and %d clients) in %d s, the app's JIT"
                + " compiler busy %s of the last round (hits per query: %s)").formatted(mix.size(), SEQUENTIAL_ROUNDS, warmRounds, CLIENTS,
                warmedSeconds, Double.isNaN(compiling) ? "(unknown: jvm.compilation.time did not answer)"
                : "%.0f %%".formatted(100 * compiling), Arrays.toString(hits)));
        report.add(row("", "p50 ms", "p95 ms", "p99 ms", "QPS"));
        report.add(row("sequential GraphQL", ms(g, 50), ms(g, 95), ms(g, 99), qps(g.size(), gTime)));
        report.add(row("sequential Elasticsearch", ms(e, 50), ms(e, 95), ms(e, 99), qps(e.size(), eTime)));
        report.add(row("ratio GraphQL/ES", ratio(g, e, 50), ratio(g, e, 95), ratio(g, e, 99), ""));
        Concurrent gc = concurrent(graphql, graphqlBodies);
        Concurrent ec = concurrent(esUrl, esBodies);
        report.add(row(CLIENTS + " clients GraphQL", ms(gc.latencies, 50), ms(gc.latencies, 95), ms(gc.latencies, 99),
                "%.1f".formatted(gc.qps)));
        report.add(row(CLIENTS + " clients Elasticsearch", ms(ec.latencies, 50), ms(ec.latencies, 95), ms(ec.latencies, 99),
                "%.1f".formatted(ec.qps)));
        report.add(row("ratio GraphQL/ES", ratio(gc.latencies, ec.latencies, 50), ratio(gc.latencies, ec.latencies, 95),
                ratio(gc.latencies, ec.latencies, 99), "%.2f".formatted(gc.qps / ec.qps)));
        jcmd("JFR.stop", "name=bench", "filename=" + jfrFile);
        double p50 = pct(g, 50) / (double) pct(e, 50);
        double p99 = pct(g, 99) / (double) pct(e, 99);
        report.add("   target GraphQL/ES <= 1.15 at p50 and p99, sequential: p50 %.2f, p99 %.2f -> %s".formatted(p50, p99,
                met(p50 <= 1.15 && p99 <= 1.15)));
        double c50 = pct(gc.latencies, 50) / (double) pct(ec.latencies, 50);
        double c99 = pct(gc.latencies, 99) / (double) pct(ec.latencies, 99);
        report.add("   target the same at %d clients: p50 %.2f, p99 %.2f -> %s".formatted(CLIENTS, c50, c99,
                met(c50 <= 1.15 && c99 <= 1.15)));
        report.add("   target throughput at %d clients >= 0.85 x Elasticsearch: %.2f -> %s".formatted(CLIENTS, gc.qps / ec.qps,
                met(gc.qps / ec.qps >= 0.85)));
    }

    /** The app's JIT compilation time so far in milliseconds (actuator metric, admin token), or -1. */
    private long compilationMillis() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(graphql.replaceFirst("/graphql$",
                            "/actuator/metrics/jvm.compilation.time"))).header("Authorization", "Bearer " + token)
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? (long) JSON.readTree(r.body()).path("measurements").get(0).path("value").asDouble() : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Runs {@code jcmd} against the app when a profile was asked for. */
    private static void jcmd(String... command) throws IOException, InterruptedException {
        if (jfrPid == null || jfrFile == null) {
            return;
        }
        List<String> args = new ArrayList<>(List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), jfrPid));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + out);
        }
    }

    private record Concurrent(List<Long> latencies, double qps) {
    }

    private Concurrent concurrent(String url, List<String> bodies) throws Exception {
        List<Long> all = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int offset = c * 7;
                done.add(pool.submit(() -> {
                    for (int round = 0; round < CONCURRENT_ROUNDS; round++) {
                        for (int k = 0; k < bodies.size(); k++) {
                            all.add(timed(url, bodies.get((k + offset) % bodies.size())));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Concurrent(List.copyOf(all), all.size() / seconds);
    }

    // ---------------------------------------------------------------- 1b. matching latency

    /** Requests a retail chain would post: text, category, certifications, delivery point, distance. */
    static List<Map<String, Object>> requestMix() {
        List<Map<String, Object>> mix = new ArrayList<>();
        mix.add(request("Cà phê robusta nhân xô", "COFFEE", "tấn", 20, "Đắk Lắk", null, List.of()));
        mix.add(request("Gạo ST25 đóng túi 5kg", null, "tấn", 10, "Hồ Chí Minh", null, List.of("VIETGAP")));
        mix.add(request("Thanh long ruột đỏ loại 1", "FRUIT", "tấn", 5, "Hà Nội", null, List.of()));
        mix.add(request("Rau cải hữu cơ", null, "kg", 500, "Hà Nội", 150.0, List.of("ORGANIC")));
        mix.add(request("Mật ong rừng", null, "lít", 200, "Đà Nẵng", null, List.of()));
        mix.add(request("Bưởi da xanh", "FRUIT_CITRUS", "tấn", 3, "Hồ Chí Minh", 300.0, List.of()));
        mix.add(request("Nước mắm truyền thống", null, "chai", 2000, "Cần Thơ", null, List.of()));
        mix.add(request("Hồ tiêu đen", null, "tấn", 2, "Hồ Chí Minh", null, List.of()));
        return mix;
    }

    private static Map<String, Object> request(String title, String category, String unit, double quantity, String province,
                                               Double maxKm, List<String> certifications) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("title", title);
        if (category != null) {
            in.put("category", category);
        }
        in.put("unit", unit);
        in.put("quantity", quantity);
        in.put("frequency", "MONTHLY");
        in.put("deliveryProvince", province);
        if (maxKm != null) {
            in.put("maxDistanceKm", maxKm);
        }
        in.put("certifications", certifications);
        in.put("windowFrom", java.time.LocalDate.now().plusDays(7).toString());
        in.put("windowTo", java.time.LocalDate.now().plusDays(180).toString());
        return in;
    }

    /**
     * Matching (candidates from Elasticsearch, then every factor scored and explained in the app) next
     * to a plain search for the same words through GraphQL, which is the floor it builds on.
     */
    private void matchingLatency() throws Exception {
        JsonNode org = graphql("""
                mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } errors { message } } }""",
                Map.of("i", Map.of("name", "Chuỗi đo ghép nối " + token(), "kind", "RETAIL_CHAIN", "province", "Hà Nội")));
        String buyer = org.path("data").path("createOrganization").path("organization").path("id").asString(null);
        if (buyer == null) {
            throw new IllegalStateException("Could not create a buyer organization: " + org);
        }
        List<String> matchBodies = new ArrayList<>();
        List<String> searchBodies = new ArrayList<>();
        long[] found = new long[requestMix().size()];
        for (Map<String, Object> in : requestMix()) {
            Map<String, Object> input = new LinkedHashMap<>(in);
            input.put("buyerOrganizationId", buyer);
            JsonNode created = graphql("""
                    mutation($i: CreateSourcingRequestInput!) { createSourcingRequest(input: $i) {
                      sourcingRequest { id } errors { field message } } }""", Map.of("i", input));
            String id = created.path("data").path("createSourcingRequest").path("sourcingRequest").path("id").asString(null);
            if (id == null) {
                throw new IllegalStateException("Could not create a sourcing request: " + created);
            }
            matchBodies.add(JSON.writeValueAsString(Map.of("query", """
                    query($id: ID!) { sourcingRequest(id: $id) { matches(first: 10) {
                      score coverage distanceKm factors { factor score explanation } product { id name } } } }""",
                    "variables", Map.of("id", id))));
            searchBodies.add(JSON.writeValueAsString(Map.of("query", """
                    query($q: String) { searchProducts(query: $q, first: 10) { edges { score node { id name } } } }""",
                    "variables", Map.of("q", in.get("title")))));
        }
        for (int k = 0; k < matchBodies.size(); k++) {
            found[k] = JSON.readTree(post(graphql, matchBodies.get(k))).path("data").path("sourcingRequest").path("matches").size();
        }
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            for (int k = 0; k < matchBodies.size(); k++) {
                post(graphql, matchBodies.get(k));
                post(graphql, searchBodies.get(k));
            }
        }
        List<Long> m = new ArrayList<>();
        List<Long> s = new ArrayList<>();
        for (int round = 0; round < SEQUENTIAL_ROUNDS; round++) {
            for (int k = 0; k < matchBodies.size(); k++) {
                m.add(timed(graphql, matchBodies.get(k)));
                s.add(timed(graphql, searchBodies.get(k)));
            }
        }
        report.add("");
        report.add("1b. Matching: %d sourcing requests x %d rounds, top 10 of up to %d candidates each (matches per request: %s)"
                .formatted(matchBodies.size(), SEQUENTIAL_ROUNDS, 200, Arrays.toString(found)));
        report.add(row("", "p50 ms", "p95 ms", "p99 ms", ""));
        report.add(row("matches(first: 10)", ms(m, 50), ms(m, 95), ms(m, 99), ""));
        report.add(row("searchProducts, same words", ms(s, 50), ms(s, 95), ms(s, 99), ""));
        report.add(row("ratio matching/search", ratio(m, s, 50), ratio(m, s, 95), ratio(m, s, 99), ""));
    }

    // ---------------------------------------------------------------- 1c. dashboard data

    /** The queries the /insights page sends, as it sends them (all at once). */
    static final Map<String, String> DASHBOARD = new LinkedHashMap<>(Map.of(
            "figures", "{ cooperativeFigures { cooperatives cooperativeMembers verifiedShare shareWithActiveLinkage "
                    + "byProvince { key label organizations verified } linkagesPerQuarter { quarter formed } } "
                    + "provinces { code name centroid { lat lon } } }",
            "gap", "{ supplyDemandGap { unit categories { code nameVi } cells { category { code } province { code name } "
                    + "month supply demand } } }",
            "unmet", "{ unmetSearches(first: 10) { query searches } }",
            "status", "{ cooperativeActivityOverview { province { code name } counts { total active new dormant paperOnly } } }",
            "events", "{ tradeEvents(first: 12) { edges { node { name outcomes { participants leads inquiries linkages } } } } }"));

    /**
     * Each dashboard query alone (p50/p95 over rounds), the whole page's data loaded in parallel as the
     * browser does, and a trivial GraphQL round trip as the floor.
     */
    private void dashboardData() throws Exception {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : DASHBOARD.entrySet()) {
            String body = JSON.writeValueAsString(Map.of("query", q.getValue()));
            JsonNode r = JSON.readTree(post(graphql, body));
            if (r.has("errors")) {
                throw new IllegalStateException("Dashboard query " + q.getKey() + " failed: " + r.path("errors"));
            }
            bodies.put(q.getKey(), body);
        }
        String floor = JSON.writeValueAsString(Map.of("query", "{ provinces { code } }"));
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            for (String b : bodies.values()) {
                post(graphql, b);
            }
        }
        Map<String, List<Long>> each = new LinkedHashMap<>();
        List<Long> page = new ArrayList<>();
        List<Long> trivial = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(bodies.size())) {
            for (int round = 0; round < DASHBOARD_ROUNDS; round++) {
                for (Map.Entry<String, String> b : bodies.entrySet()) {
                    each.computeIfAbsent(b.getKey(), k -> new ArrayList<>()).add(timed(graphql, b.getValue()));
                }
                trivial.add(timed(graphql, floor));
                long start = System.nanoTime();
                List<Future<Long>> all = new ArrayList<>();
                for (String b : bodies.values()) {
                    all.add(pool.submit(() -> timed(graphql, b)));
                }
                for (Future<Long> f : all) {
                    f.get();
                }
                page.add(System.nanoTime() - start);
            }
        }
        report.add("");
        report.add("1c. Dashboard data (/insights): %d queries x %d rounds".formatted(bodies.size(), DASHBOARD_ROUNDS));
        report.add(row("", "p50 ms", "p95 ms", "max ms", ""));
        each.forEach((k, v) -> report.add(row(k, ms(v, 50), ms(v, 95), ms(v, 100), "")));
        report.add(row("whole page, in parallel", ms(page, 50), ms(page, 95), ms(page, 100), ""));
        report.add(row("floor: { provinces { code } }", ms(trivial, 50), ms(trivial, 95), ms(trivial, 100), ""));
        report.add("   target: the page's data in under 1 s: p95 %s ms -> %s".formatted(ms(page, 95),
                pct(page, 95) < 1_000_000_000L ? "MET" : "NOT MET"));
    }

    // ---------------------------------------------------------------- 2. reindex vs raw bulk

    /**
     * The reindex between two raw loads of the same documents, each started once Elasticsearch has no merge running:
     * a raw load right after the reindex ran while the new index's segments were still being merged, and its rate
     * varied twofold between runs of the same command (docs/performance.md, profile 4). The ratio is taken against
     * the mean of the two raw rates, so a drift of the machine during the step weighs on both sides.
     */
    private void reindexVersusRawBulk() throws Exception {
        waitForMerges();
        RawLoad before = rawBulk(documentsAsBulkBodies());
        waitForMerges();
        JsonNode started = graphql("mutation { reindexProducts(input: {clientMutationId: \"bench\"}) { job { id } errors { message } } }",
                Map.of());
        String jobId = started.path("data").path("reindexProducts").path("job").path("id").asString(null);
        // A CONFLICT also names the reindex already running: that is not the one this step measures.
        if (jobId == null || !started.path("data").path("reindexProducts").path("errors").isEmpty()) {
            throw new IllegalStateException("Reindex not started: " + started);
        }
        JsonNode job = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        while (System.nanoTime() < deadline) {
            job = graphql("query($id: ID!) { searchJob(id: $id) { status total processed caughtUp docsPerSecond startedAt loadedAt finishedAt index error } }",
                    Map.of("id", jobId)).path("data").path("searchJob");
            if (!job.path("status").asString().equals("RUNNING")) {
                break;
            }
            System.out.printf("reindex: %s/%s products, %s docs/s%n", job.path("processed").asString(),
                    job.path("total").asString(), job.path("docsPerSecond").asString());
            Thread.sleep(2000);
        }
        if (job == null || !job.path("status").asString().equals("SUCCEEDED")) {
            throw new IllegalStateException("Reindex did not succeed: " + job);
        }
        long processed = job.path("processed").asLong();
        double reindexRate = job.path("docsPerSecond").asDouble();
        double total = Duration.between(java.time.Instant.parse(job.path("startedAt").asString()),
                java.time.Instant.parse(job.path("finishedAt").asString())).toMillis() / 1000.0;

        // The same documents, read back from the new index.
        waitForMerges();
        RawLoad after = rawBulk(documentsAsBulkBodies());
        double rawRate = (before.rate() + after.rate()) / 2;
        report.add("");
        report.add("2. Full reindex vs raw _bulk of the same %d documents (%d in flight, batches of 1000), raw before and after"
                .formatted(after.docs(), IN_FLIGHT));
        report.add(row("", "docs/s", "seconds", "", ""));
        report.add(row("raw _bulk before (ES only)", "%.0f".formatted(before.rate()), "%.1f".formatted(before.seconds()), "", ""));
        report.add(row("reindex load (MySQL->ES)", "%.0f".formatted(reindexRate), "%.1f".formatted(processed / reindexRate),
                "", ""));
        report.add(row("reindex incl. swap+catch-up", "", "%.1f".formatted(total), "", ""));
        report.add(row("raw _bulk after (ES only)", "%.0f".formatted(after.rate()), "%.1f".formatted(after.seconds()), "", ""));
        report.add("   target reindex >= 0.9 x raw bulk (mean of before and after, %.0f docs/s): %.2f x -> %s".formatted(
                rawRate, reindexRate / rawRate, reindexRate >= 0.9 * rawRate ? "MET" : "NOT MET"));
    }

    private record RawLoad(long docs, double seconds) {
        double rate() {
            return docs / seconds;
        }
    }

    /**
     * Loads the bodies into a scratch index with the products' definition and the reindex's load settings (refresh
     * off, no replicas), {@link #IN_FLIGHT} requests at a time; timed from the index's creation.
     */
    private RawLoad rawBulk(List<String> batches) throws Exception {
        long docs = batches.stream().mapToLong(b -> b.lines().count() / 2).sum();
        String scratch = alias.replace("products", "raw-bulk-scratch");
        request("DELETE", es + "/" + scratch + "?ignore_unavailable=true", null);
        long start = System.nanoTime();
        request("PUT", es + "/" + scratch, definition());
        request("PUT", es + "/" + scratch + "/_settings", "{\"index\":{\"refresh_interval\":\"-1\",\"number_of_replicas\":0}}");
        Semaphore slots = new Semaphore(IN_FLIGHT);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (String body : batches) {
                slots.acquire();
                done.add(pool.submit(() -> {
                    try {
                        String r = request("POST", es + "/" + scratch + "/_bulk", body);
                        if (JSON.readTree(r).path("errors").asBoolean()) {
                            throw new IllegalStateException("raw bulk had item errors");
                        }
                        return null;
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        request("DELETE", es + "/" + scratch, null);
        return new RawLoad(docs, seconds);
    }

    /** Waits (at most 5 minutes) until no merge runs on any index of the node, then a second more. */
    private void waitForMerges() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode nodes = JSON.readTree(request("GET", es + "/_nodes/stats/indices/merge", null)).path("nodes");
            long running = 0;
            for (JsonNode node : nodes) {
                running += node.path("indices").path("merges").path("current").asLong();
            }
            if (running == 0) {
                Thread.sleep(1000);
                return;
            }
            Thread.sleep(500);
        }
        System.out.println("merges still running after 5 minutes; measuring anyway");
    }

    /** All documents of the alias as NDJSON bulk bodies of 1000, built before the clock starts. */
    private List<String> documentsAsBulkBodies() throws Exception {
        List<String> bodies = new ArrayList<>();
        String after = null;
        for (int guard = 0; guard < 10_000; guard++) {
            String body = "{\"size\":1000,\"sort\":[{\"id\":\"asc\"}],\"query\":{\"match_all\":{}}"
                    + (after == null ? "" : ",\"search_after\":[" + after + "]") + "}";
            JsonNode hits = JSON.readTree(request("POST", es + "/" + alias + "/_search", body)).path("hits").path("hits");
            if (hits.isEmpty()) {
                break;
            }
            StringBuilder nd = new StringBuilder();
            for (JsonNode hit : hits) {
                nd.append("{\"index\":{\"_id\":").append(JSON.writeValueAsString(hit.path("_id").asString())).append("}}\n")
                        .append(JSON.writeValueAsString(hit.path("_source"))).append('\n');
            }
            bodies.add(nd.toString());
            after = hits.get(hits.size() - 1).path("sort").get(0).asString();
        }
        return bodies;
    }

    private static String definition() throws IOException {
        try (InputStream in = BenchRunner.class.getClassLoader().getResourceAsStream("search-config/indices/products.json")) {
            if (in == null) {
                throw new IllegalStateException("search-config/indices/products.json is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- 3. write to searchable

    private void writeToSearchable() throws Exception {
        JsonNode org = graphql("""
                mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } errors { message } } }""",
                Map.of("i", Map.of("name", "HTX Đo độ trễ " + token(), "kind", "COOPERATIVE", "province", "Đồng Tháp")));
        String orgId = org.path("data").path("createOrganization").path("organization").path("id").asString(null);
        if (orgId == null) {
            throw new IllegalStateException("Could not create an organization: " + org);
        }
        List<Long> delays = new ArrayList<>();
        int timeouts = 0;
        for (int i = 0; i < WRITES; i++) {
            String word = token();
            String name = "Xoài cát Hòa Lộc " + word;
            long start = System.nanoTime();
            JsonNode created = graphql("""
                    mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id } errors { message } } }""",
                    Map.of("i", Map.of("organizationId", orgId, "name", name, "category", "FRUIT_TROPICAL", "unit", "kg",
                            "priceMinVnd", 45000)));
            if (created.path("data").path("createProduct").path("product").isNull()) {
                throw new IllegalStateException("Could not create a product: " + created);
            }
            boolean found = false;
            while (!found && System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) {
                JsonNode r = graphql("query($q: String, $f: ProductFilter) { searchProducts(query: $q, filter: $f, first: 5) { edges { node { name } } } }",
                        Map.of("q", word, "f", Map.of("organizationId", orgId)));
                for (JsonNode edge : r.path("data").path("searchProducts").path("edges")) {
                    found |= edge.path("node").path("name").asString().equals(name);
                }
                if (!found) {
                    Thread.sleep(20);
                }
            }
            if (found) {
                delays.add(System.nanoTime() - start);
            } else {
                timeouts++;
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(50, 300));
        }
        report.add("");
        report.add("3. Write-to-searchable: %d products created through GraphQL, search polled every 20 ms (%d not found in 30 s)"
                .formatted(WRITES, timeouts));
        report.add(row("", "p50 ms", "p95 ms", "p99 ms", "max ms"));
        report.add(row("createProduct -> found", ms(delays, 50), ms(delays, 95), ms(delays, 99), ms(delays, 100)));
        report.add("   target p99 <= 1500 ms: %s -> %s".formatted(ms(delays, 99),
                met(timeouts == 0 && pct(delays, 99) <= 1_500_000_000L)));
    }

    private static String met(boolean met) {
        return met ? "MET" : "NOT MET";
    }

    private static String token() {
        StringBuilder s = new StringBuilder("bq");
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    // ---------------------------------------------------------------- HTTP and statistics

    private JsonNode graphql(String document, Map<String, Object> variables) throws Exception {
        JsonNode r = JSON.readTree(post(graphql, JSON.writeValueAsString(Map.of("query", document, "variables", variables))));
        if (r.has("errors")) {
            throw new IllegalStateException("GraphQL errors: " + r.path("errors"));
        }
        return r;
    }

    private static String post(String url, String body) throws Exception {
        return request("POST", url, body);
    }

    private static long timed(String url, String body) throws Exception {
        long t = System.nanoTime();
        String answer = post(url, body);
        long took = System.nanoTime() - t;
        // An error answers fast: a measurement that counted one (a spent budget, a timeout) would flatter the app.
        if (url.endsWith("/graphql") && answer.contains("\"errors\"")) {
            throw new IllegalStateException("GraphQL answered with errors during a measurement: "
                    + answer.substring(0, Math.min(400, answer.length())));
        }
        return took;
    }

    private static String request(String method, String url, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", url.endsWith("_bulk") ? "application/x-ndjson" : "application/json");
        if (token != null && url.endsWith("/graphql")) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(500, r.body().length())));
        }
        return r.body();
    }

    /** The p-th percentile (nearest rank) of durations in nanoseconds; 0 for none. */
    static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    /** The p-th percentile in milliseconds for a report row; "-" for none. */
    static String ms(List<Long> values, int p) {
        return values.isEmpty() ? "-" : "%.1f".formatted(pct(values, p) / 1e6);
    }

    private static String ratio(List<Long> a, List<Long> b, int p) {
        return "%.2f".formatted(pct(a, p) / (double) pct(b, p));
    }

    private static String qps(int count, long nanos) {
        return "%.1f".formatted(count / (nanos / 1e9));
    }

    private static String row(String label, String a, String b, String c, String d) {
        return "   %-30s %10s %10s %10s %10s".formatted(label, a, b, c, d);
    }
}
