package vn.htxconnect.bench;

import static vn.htxconnect.bench.BenchRunner.ms;
import static vn.htxconnect.bench.BenchRunner.pct;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's load step (issue 14): {@code clients} concurrent clients for {@code seconds}, each signed in as its own
 * user of its own organization, so no client spends another's rate budget, then (when given the commands to kill and
 * start Elasticsearch) the same run with Elasticsearch killed {@code outageAt} seconds in for {@code outageFor} seconds.
 * <p>
 * Half the clients are cooperatives (they own products: search 70 %, product page 20 %, product update 10 %), half are
 * retail chains (each posts sourcing requests: search 70 %, {@code matches} of its open requests 20 %, inquiries 10 %),
 * which makes the whole mix 70 % searches, 10 % product pages, 10 % matches, 10 % writes. All clients are signed-in
 * users: writes need a person (API keys are read-only), and a partner key reading alone would only add a fifth kind
 * of caller with the same search path. Clients send their next request as soon as the last one is answered (a closed
 * loop, no think time): the load is the most 32 callers can put on the app.
 * <p>
 * Search words come from the data set, fetched at setup: product names (the whole name, its item, item + province),
 * with and without tone marks, with filters (category, province, certification, OCOP stars, month, price, near a
 * province's centre) and sorts drawn at random. Inquiries start conversations up to the buyer's daily limit
 * ({@code htx.inquiry.daily-limit}, 20 by default), then follow up with messages in them.
 */
final class LoadStep {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** A request that takes longer than this counts as a timeout (and the client moves on). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(10);
    /** Why the last consistency check could not be made, if it could not. */
    private volatile String checkFailure;
    private static final List<String> OPS = List.of("search", "product page", "matches", "product update", "inquiry");
    private static final String SEARCH = """
            query($q: String, $f: ProductFilter, $s: ProductSort) {
              searchProducts(query: $q, filter: $f, sort: $s, first: 20) {
                totalCount
                edges { score distanceKm highlights { field fragments }
                        node { id name unit priceMinVnd priceMaxVnd provinceCode ocopStars availableMonths organization { id } } }
                facets { category { value label count } province { value label count }
                         certification { value count } ocopStars { value count } }
              }
            }""";
    private static final String PRODUCT = """
            query($id: ID!) { product(id: $id) { id name description category { code nameVi } unit priceMinVnd priceMaxVnd
              minOrderQty monthlyCapacity availableMonths province { code name } imageUrls status ocopStars version
              certifications { scheme label validTo valid }
              organization { id name } } }""";
    private static final String MATCHES = """
            query($id: ID!) { sourcingRequest(id: $id) { id status matches(first: 10) {
              score coverage distanceKm itemTier factors { factor score explanation } product { id name organization { id } } } } }""";
    private static final String UPDATE = """
            mutation($i: UpdateProductInput!) { updateProduct(input: $i) { product { id version } errors { field code message } } }""";
    private static final String START_INQUIRY = """
            mutation($i: StartInquiryInput!) { startInquiry(input: $i) { conversation { id } errors { field code message } } }""";
    private static final String SEND_MESSAGE = """
            mutation($i: SendMessageInput!) { sendMessage(input: $i) { message { id } errors { field code message } } }""";

    private final String graphql;
    private final String adminToken;
    private final String actuator;
    private final String es;
    private final String alias;
    private final int clients;
    private final int seconds;
    private final int outageAt;
    private final int outageFor;
    /** Seconds the first run's clients load the app unmeasured: the app starts fresh and its JIT needs the traffic. */
    private final int warmup;
    private final String esKill;
    private final String esUp;
    private final int inquiryDailyLimit;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final List<String> report = new ArrayList<>();
    /** The first message seen for each error code in the current run, so the report says what the codes were. */
    private final Map<String, String> examples = new java.util.concurrent.ConcurrentHashMap<>();

    /** What the data set offers to search for, read once at setup. */
    private final List<String> words = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();
    private final List<String> provinces = new ArrayList<>();
    private final List<double[]> centres = new ArrayList<>();
    /** Products seen (id, organization id), for product pages and inquiries. */
    private final List<String[]> seen = new CopyOnWriteArrayList<>();

    LoadStep(Map<String, String> a, String graphql, String adminToken, String es, String alias) {
        this.graphql = graphql;
        this.adminToken = adminToken;
        this.actuator = graphql.replaceFirst("/graphql$", "/actuator");
        this.es = es;
        this.alias = alias;
        this.clients = Integer.parseInt(a.getOrDefault("load-clients", "32"));
        this.seconds = Integer.parseInt(a.getOrDefault("load-seconds", "60"));
        this.outageAt = Integer.parseInt(a.getOrDefault("outage-at", "20"));
        this.outageFor = Integer.parseInt(a.getOrDefault("outage-for", "20"));
        this.warmup = Integer.parseInt(a.getOrDefault("load-warmup", "30"));
        this.esKill = a.get("es-kill");
        this.esUp = a.get("es-up");
        this.inquiryDailyLimit = Integer.parseInt(a.getOrDefault("inquiry-daily-limit", "20"));
    }

    List<String> run() throws Exception {
        readDataSet();
        report.add("");
        report.add("4. Load: %d clients (%d cooperatives, %d retail chains, each its own signed-in user) for %d s, closed loop"
                .formatted(clients, clients - clients / 2, clients / 2, seconds));
        report.add("   %d search phrasings from the data set (%d categories, %d provinces) with random filters and sorts"
                .formatted(words.size(), categories.size(), provinces.size()));
        Run normal = loadRun("a", false);
        normal.report("4a. Normal run");
        if (esKill != null && esUp != null) {
            Run outage = loadRun("b", true);
            outage.report("4b. The same with Elasticsearch killed at %d s for %d s".formatted(outageAt, outageFor));
        } else {
            report.add("");
            report.add("4b. Elasticsearch outage run: skipped (bench.sh passes --es-kill/--es-up with HTX_BENCH_OUTAGE=1)");
        }
        return report;
    }

    // ---------------------------------------------------------------- the data set's words

    private void readDataSet() throws Exception {
        JsonNode p = admin("{ provinces { name centroid { lat lon } } }", Map.of()).path("data").path("provinces");
        Map<String, double[]> centreOf = new LinkedHashMap<>();
        for (JsonNode n : p) {
            centreOf.put(n.path("name").asString(), new double[] {n.path("centroid").path("lat").asDouble(),
                    n.path("centroid").path("lon").asDouble()});
        }
        String browse = "query($f: ProductFilter) { searchProducts(filter: $f, first: 50) { edges { node { id name organization { id } "
                + "province { name } } } facets { category { value count } province { value label count } } } }";
        JsonNode all = admin(browse, Map.of()).path("data").path("searchProducts");
        for (JsonNode c : all.path("facets").path("category")) {
            categories.add(c.path("value").asString());
        }
        for (JsonNode c : all.path("facets").path("province")) {
            String label = c.path("label").asString(c.path("value").asString());
            provinces.add(label);
            centres.add(centreOf.getOrDefault(label, new double[] {16.0, 107.5}));
        }
        Random random = new Random(14);
        LinkedHashSet<String> phrasings = new LinkedHashSet<>();
        List<JsonNode> pages = new ArrayList<>();
        pages.add(all);
        for (String category : categories.subList(0, Math.min(20, categories.size()))) {
            pages.add(admin(browse, Map.of("f", Map.of("category", category))).path("data").path("searchProducts"));
        }
        for (int i = 0; i < Math.min(10, provinces.size()); i++) {
            pages.add(admin(browse, Map.of("f", Map.of("province", provinces.get(random.nextInt(provinces.size())))))
                    .path("data").path("searchProducts"));
        }
        for (JsonNode page : pages) {
            for (JsonNode e : page.path("edges")) {
                JsonNode node = e.path("node");
                seen.add(new String[] {node.path("id").asString(), node.path("organization").path("id").asString()});
                String name = node.path("name").asString();
                String[] syllables = name.trim().split("\\s+");
                String item = String.join(" ", List.of(syllables).subList(0, Math.min(2, syllables.length)));
                String province = node.path("province").path("name").asString("");
                List<String> forms = new ArrayList<>(List.of(name, item,
                        String.join(" ", List.of(syllables).subList(0, Math.min(3, syllables.length)))));
                if (!province.isEmpty()) {
                    forms.add(item + " " + province);
                }
                for (String f : forms) {
                    // Buyers type about as often without tone marks as with them.
                    phrasings.add((random.nextBoolean() ? fold(f) : f).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        words.addAll(phrasings);
        if (words.isEmpty() || seen.isEmpty()) {
            throw new IllegalStateException("The data set gave nothing to search for: is the index empty?");
        }
    }

    static String fold(String s) {
        String d = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}+", "");
    }

    private Map<String, Object> randomSearch(ThreadLocalRandom r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("q", r.nextInt(100) < 90 ? words.get(r.nextInt(words.size())) : null);
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, Object> sort = null;
        int draw = r.nextInt(100);
        if (draw < 12) {
            f.put("category", categories.get(r.nextInt(categories.size())));
        } else if (draw < 24) {
            f.put("province", provinces.get(r.nextInt(provinces.size())));
        } else if (draw < 30) {
            f.put("certifications", List.of(List.of("VIETGAP", "ORGANIC", "OCOP", "GLOBALGAP").get(r.nextInt(4))));
        } else if (draw < 35) {
            f.put("minOcopStars", 3 + r.nextInt(3));
        } else if (draw < 40) {
            f.put("availableInMonth", 1 + r.nextInt(12));
        } else if (draw < 45) {
            f.put("maxPriceVnd", 20_000 + 10_000 * r.nextInt(50));
        } else if (draw < 55) {
            double[] c = centres.get(r.nextInt(centres.size()));
            f.put("near", Map.of("lat", c[0], "lon", c[1], "radiusKm", 50 + 50 * r.nextInt(4)));
            if (r.nextBoolean()) {
                sort = Map.of("field", "DISTANCE");
            }
        } else if (draw < 60) {
            f.put("verifiedOnly", true);
        }
        if (v.get("q") == null && f.isEmpty()) {
            f.put("category", categories.get(r.nextInt(categories.size())));
        }
        if (sort == null) {
            int s = r.nextInt(100);
            sort = s < 8 ? Map.of("field", "PRICE", "direction", "ASC") : s < 12 ? Map.of("field", "NEWEST") : null;
        }
        v.put("f", f.isEmpty() ? null : f);
        v.put("s", sort);
        return v;
    }

    // ---------------------------------------------------------------- clients

    /** One measured request: which operation, when it started (ns since the run began), how long, and its error code. */
    record Sample(String op, long startNs, long nanos, String code) {
    }

    private final class Client {
        final boolean cooperative;
        String token;
        String organizationId;
        final List<String[]> products = new ArrayList<>(); // id, version
        final List<String> requests = new ArrayList<>();
        final List<String> conversations = new ArrayList<>();
        int inquiriesStarted;
        int followUps;

        Client(boolean cooperative) {
            this.cooperative = cooperative;
        }

        void setUp(String run, int index) throws Exception {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String province = provinces.get(index % provinces.size());
            String tag = run + index + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
            Map<String, Object> org = Map.of("kind", cooperative ? "COOPERATIVE" : "RETAIL_CHAIN",
                    "name", (cooperative ? "HTX tải thử " : "Chuỗi tải thử ") + tag, "province", province);
            Map<String, Object> owner = Map.of("email", "load-" + tag + "@bench.htxconnect.test", "name", "Người tải thử " + tag,
                    "password", "Load-" + tag + "-" + r.nextLong(1L << 40));
            JsonNode reg = call(null, """
                    mutation($i: RegisterOrganizationInput!) { registerOrganization(input: $i) {
                      token organization { id } errors { field code message } } }""", Map.of("i", Map.of("organization", org, "owner", owner)))
                    .path("data").path("registerOrganization");
            token = reg.path("token").asString(null);
            organizationId = reg.path("organization").path("id").asString(null);
            if (token == null || organizationId == null) {
                throw new IllegalStateException("Could not register a load client: " + reg);
            }
            if (cooperative) {
                for (int i = 0; i < 4; i++) {
                    String name = words.get(r.nextInt(words.size()));
                    Map<String, Object> in = new LinkedHashMap<>();
                    in.put("organizationId", organizationId);
                    in.put("name", Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + tag);
                    in.put("category", categories.get(r.nextInt(categories.size())));
                    in.put("unit", "kg");
                    in.put("priceMinVnd", 20_000 + 1_000 * r.nextInt(200));
                    in.put("province", province);
                    in.put("status", "ACTIVE");
                    JsonNode p = call(token, """
                            mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id version } errors { field code message } } }""",
                            Map.of("i", in)).path("data").path("createProduct");
                    if (p.path("product").isNull() || p.path("product").isMissingNode()) {
                        throw new IllegalStateException("Could not create a product for a load client: " + p);
                    }
                    products.add(new String[] {p.path("product").path("id").asString(), p.path("product").path("version").asString()});
                }
            } else {
                List<Map<String, Object>> mix = BenchRunner.requestMix();
                for (int i = 0; i < 2; i++) {
                    Map<String, Object> in = new LinkedHashMap<>(mix.get((2 * index + i) % mix.size()));
                    in.put("buyerOrganizationId", organizationId);
                    JsonNode s = call(token, """
                            mutation($i: CreateSourcingRequestInput!) { createSourcingRequest(input: $i) {
                              sourcingRequest { id } errors { field code message } } }""", Map.of("i", in))
                            .path("data").path("createSourcingRequest");
                    String id = s.path("sourcingRequest").path("id").asString(null);
                    if (id == null) {
                        throw new IllegalStateException("Could not create a sourcing request for a load client: " + s);
                    }
                    requests.add(id);
                }
            }
        }

        /** Runs until the deadline, recording every request. */
        void loop(long origin, long deadline, ConcurrentLinkedQueue<Sample> samples) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            while (System.nanoTime() < deadline) {
                int draw = r.nextInt(100);
                String op;
                String body;
                if (draw < 70) {
                    op = "search";
                    body = body(SEARCH, randomSearch(r));
                } else if (draw < 90) {
                    if (cooperative) {
                        op = "product page";
                        String[] p = seen.get(r.nextInt(seen.size()));
                        body = body(PRODUCT, Map.of("id", p[0]));
                    } else {
                        op = "matches";
                        body = body(MATCHES, Map.of("id", requests.get(r.nextInt(requests.size()))));
                    }
                } else if (cooperative) {
                    op = "product update";
                    String[] p = products.get(r.nextInt(products.size()));
                    Map<String, Object> in = new LinkedHashMap<>();
                    in.put("id", p[0]);
                    in.put("expectedVersion", Integer.parseInt(p[1]));
                    int price = 20_000 + 1_000 * r.nextInt(200);
                    in.put("priceMinVnd", price);
                    in.put("priceMaxVnd", price + 5_000);
                    in.put("monthlyCapacity", 100 + r.nextInt(5_000));
                    body = body(UPDATE, Map.of("i", in));
                } else {
                    op = "inquiry";
                    if (inquiriesStarted < inquiryDailyLimit || conversations.isEmpty()) {
                        String[] p = seen.get(r.nextInt(seen.size()));
                        body = body(START_INQUIRY, Map.of("i", Map.of("buyerOrganizationId", organizationId, "supplierId", p[1],
                                "subjectId", p[0], "subject", "Hỏi giá và số lượng",
                                "message", "Chào anh chị, chuỗi chúng tôi cần khoảng " + (1 + r.nextInt(20))
                                        + " tấn mỗi tháng, xin báo giá giao tận kho.")));
                    } else {
                        body = body(SEND_MESSAGE, Map.of("i", Map.of("conversationId", conversations.get(r.nextInt(conversations.size())),
                                "organizationId", organizationId, "body", "Xin cho biết thời gian giao hàng sớm nhất, lần " + followUps)));
                    }
                }
                long start = System.nanoTime();
                Outcome o = send(token, body);
                samples.add(new Sample(op, start - origin, System.nanoTime() - start, o.code));
                afterwards(op, o);
            }
        }

        /** Keeps what the answer teaches: new versions, products seen, conversations started. */
        private void afterwards(String op, Outcome o) {
            if (o.code != null || o.json == null) {
                return;
            }
            JsonNode data = o.json.path("data");
            switch (op) {
                case "product update" -> {
                    JsonNode p = data.path("updateProduct").path("product");
                    for (String[] mine : products) {
                        if (mine[0].equals(p.path("id").asString())) {
                            mine[1] = p.path("version").asString();
                        }
                    }
                }
                case "search" -> {
                    if (seen.size() < 5_000) {
                        for (JsonNode e : data.path("searchProducts").path("edges")) {
                            JsonNode n = e.path("node");
                            if (ThreadLocalRandom.current().nextInt(10) == 0) {
                                seen.add(new String[] {n.path("id").asString(), n.path("organization").path("id").asString()});
                            }
                        }
                    }
                }
                case "inquiry" -> {
                    String c = data.path("startInquiry").path("conversation").path("id").asString(null);
                    if (c != null) {
                        inquiriesStarted++;
                        if (!conversations.contains(c)) {
                            conversations.add(c);
                        }
                    } else if (!data.path("sendMessage").isMissingNode()) {
                        followUps++;
                    }
                }
                default -> {
                }
            }
        }
    }

    // ---------------------------------------------------------------- one run

    private final class Run {
        final List<Sample> samples;
        final double seconds;
        final Metrics metrics;
        final Outage outage;
        final int started;
        final int followUps;
        final JsonNode check;

        Run(List<Sample> samples, double seconds, Metrics metrics, Outage outage, int started, int followUps, JsonNode check) {
            this.samples = samples;
            this.seconds = seconds;
            this.metrics = metrics;
            this.outage = outage;
            this.started = started;
            this.followUps = followUps;
            this.check = check;
        }

        void report(String title) {
            report.add("");
            report.add("%s: %d requests in %.1f s = %.1f requests/s (inquiries: %d conversations started, %d follow-up messages)"
                    .formatted(title, samples.size(), seconds, samples.size() / seconds, started, followUps));
            report.add("   %-16s %7s %8s %8s %8s %8s  %s".formatted("", "count", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors by code"));
            Map<String, Long> allErrors = new TreeMap<>();
            for (String op : OPS) {
                List<Sample> mine = samples.stream().filter(s -> s.op.equals(op)).toList();
                List<Long> nanos = mine.stream().map(Sample::nanos).toList();
                Map<String, Long> errors = codes(mine);
                errors.forEach((k, v) -> allErrors.merge(k, v, Long::sum));
                report.add("   %-16s %7d %8s %8s %8s %8s  %s".formatted(op, mine.size(), ms(nanos, 50), ms(nanos, 95), ms(nanos, 99),
                        ms(nanos, 100), errors.isEmpty() ? "none" : errors));
            }
            examples.forEach((code, message) -> report.add("   %s: %s".formatted(code, message)));
            report.add("   app: peak used heap %s of %s max (peak live data after GC %s); peak live threads %s; peak DB pool pending %s, active %s"
                    .formatted(mb(metrics.heap.get()), mb(metrics.heapMax.get()), mb(metrics.live.get()), n(metrics.threads.get()),
                            n(metrics.poolPending.get()), n(metrics.poolActive.get())));
            if (outage == null) {
                long bad = allErrors.entrySet().stream().filter(e -> !e.getKey().equals("RATE_LIMITED")).mapToLong(Map.Entry::getValue).sum();
                long http5xx = allErrors.entrySet().stream().filter(e -> e.getKey().startsWith("HTTP 5")).mapToLong(Map.Entry::getValue).sum();
                long internal = allErrors.getOrDefault("INTERNAL", 0L);
                report.add("   target 0 errors but deliberate rate limits (%d RATE_LIMITED), 0 HTTP 5xx, 0 INTERNAL: %d errors, %d 5xx, %d INTERNAL -> %s"
                        .formatted(allErrors.getOrDefault("RATE_LIMITED", 0L), bad, http5xx, internal,
                                bad == 0 && http5xx == 0 && internal == 0 ? "MET" : "NOT MET"));
                checkLine();
                return;
            }
            outage.report(samples);
            checkLine();
        }

        private void checkLine() {
            if (check == null) {
                report.add(checkFailure != null ? "   consistency check: FAILED to run: " + checkFailure
                        : "   consistency check: not run (backlog never emptied)");
                return;
            }
            JsonNode r = check.path("report");
            long missing = r.path("missing").path("count").asLong(-1);
            long stale = r.path("stale").path("count").asLong(-1);
            long orphaned = r.path("orphaned").path("count").asLong(-1);
            report.add("   consistency check (checkProductIndex): %d checked, %d indexed, missing %d %s, stale %d %s, orphaned %d -> %s"
                    .formatted(r.path("checked").asLong(), r.path("indexed").asLong(), missing, ids(r.path("missing")), stale,
                            ids(r.path("stale")), orphaned, missing == 0 && stale == 0 ? "MET" : "NOT MET"));
        }
    }

    private static String ids(JsonNode discrepancy) {
        JsonNode ids = discrepancy.path("productIds");
        if (ids.isEmpty()) {
            return "";
        }
        List<String> first = new ArrayList<>();
        for (int i = 0; i < Math.min(5, ids.size()); i++) {
            first.add(ids.get(i).asString());
        }
        return first.toString();
    }

    private Run loadRun(String name, boolean withOutage) throws Exception {
        List<Client> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            all.add(new Client(i % 2 == 0));
        }
        long setup = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    all.get(index).setUp(name, index);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        System.out.printf("load %s: %d clients set up in %.1f s%n", name, clients, (System.nanoTime() - setup) / 1e9);
        if (!withOutage && warmup > 0) {
            long start = System.nanoTime();
            clientsLoop(all, start, start + warmup * 1_000_000_000L, new ConcurrentLinkedQueue<>());
            System.out.printf("load %s: warmed up for %d s%n", name, warmup);
        }
        examples.clear();
        // Everything the set-up wrote is indexed before the clock starts, so the backlog measured is the run's own.
        waitForEmptyBacklog(Duration.ofSeconds(120));

        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        Metrics metrics = new Metrics();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> metrics.sample(sampling));
        long origin = System.nanoTime();
        long deadline = origin + seconds * 1_000_000_000L;
        Outage outage = withOutage ? new Outage(origin) : null;
        Thread outageThread = outage == null ? null : Thread.ofPlatform().daemon().start(outage::drive);
        clientsLoop(all, origin, deadline, samples);
        double took = (System.nanoTime() - origin) / 1e9;
        if (outageThread != null) {
            outageThread.join(Duration.ofMinutes(10));
        }
        long drained = waitForEmptyBacklog(Duration.ofMinutes(5));
        sampling.set(false);
        sampler.join(2_000);
        JsonNode check = null;
        if (drained >= 0) {
            Thread.sleep(2_000); // one refresh interval and more: the last indexed writes become visible to the check
            checkFailure = null;
            try {
                check = admin("""
                        mutation { checkProductIndex(input: {repair: false}) { report { index checked indexed
                          missing { count productIds } stale { count productIds } orphaned { count productIds } } errors { message } } }""",
                        Map.of()).path("data").path("checkProductIndex");
            } catch (IllegalStateException e) {
                // The figures of the run are kept; the report says the check could not be made and why.
                checkFailure = e.getMessage().substring(0, Math.min(300, e.getMessage().length()));
            }
        }
        List<Sample> list = new ArrayList<>(samples);
        list.sort((x, y) -> Long.compare(x.startNs, y.startNs));
        return new Run(list, took, metrics, outage, all.stream().mapToInt(c -> c.inquiriesStarted).sum(),
                all.stream().mapToInt(c -> c.followUps).sum(), check);
    }

    private void clientsLoop(List<Client> all, long origin, long deadline, ConcurrentLinkedQueue<Sample> samples) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(all.size())) {
            List<Future<?>> done = new ArrayList<>();
            for (Client c : all) {
                done.add(pool.submit(() -> c.loop(origin, deadline, samples)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
    }

    // ---------------------------------------------------------------- Elasticsearch outage

    private final class Outage {
        final long origin;
        volatile long killIssuedAt = -1;
        volatile long killedAt = -1;
        volatile long upStartedAt = -1;
        volatile long answersAt = -1;
        volatile long searchesResumeAt = -1;
        volatile long backlogEmptyAt = -1;
        volatile long peakBacklog = -1;
        volatile String failure;

        Outage(long origin) {
            this.origin = origin;
        }

        void drive() {
            try {
                sleepUntil(origin + outageAt * 1_000_000_000L);
                killIssuedAt = System.nanoTime() - origin;
                command(esKill);
                killedAt = System.nanoTime() - origin;
                System.out.printf("load b: Elasticsearch killed at %.1f s%n", killedAt / 1e9);
                long restartAt = origin + (outageAt + outageFor) * 1_000_000_000L;
                while (System.nanoTime() < restartAt) {
                    peakBacklog = Math.max(peakBacklog, backlog());
                    Thread.sleep(500);
                }
                Process up = new ProcessBuilder("bash", "-c", esUp).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
                upStartedAt = System.nanoTime() - origin;
                long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (answersAt < 0 && System.nanoTime() < giveUp) {
                    if (esAnswers()) {
                        answersAt = System.nanoTime() - origin;
                    } else {
                        peakBacklog = Math.max(peakBacklog, backlog());
                        Thread.sleep(100);
                    }
                }
                System.out.printf("load b: Elasticsearch answers again at %.1f s%n", answersAt / 1e9);
                // A probe apart from the clients: the first search through the app that succeeds after that.
                String probe = body(SEARCH, Map.of("q", words.getFirst()));
                while (searchesResumeAt < 0 && System.nanoTime() < giveUp) {
                    long t = System.nanoTime();
                    if (send(adminToken, probe).code == null) {
                        searchesResumeAt = t - origin;
                    } else {
                        Thread.sleep(100);
                    }
                }
                while (backlogEmptyAt < 0 && System.nanoTime() < giveUp) {
                    long b = backlog();
                    if (b == 0) {
                        backlogEmptyAt = System.nanoTime() - origin;
                    } else {
                        peakBacklog = Math.max(peakBacklog, b);
                        Thread.sleep(200);
                    }
                }
                up.waitFor();
            } catch (Exception e) {
                failure = e.toString();
            }
        }

        void report(List<Sample> samples) {
            if (failure != null) {
                report.add("   outage: FAILED to drive it: " + failure);
            }
            if (killedAt < 0 || answersAt < 0) {
                report.add("   outage: Elasticsearch was %s -> NOT MET".formatted(killedAt < 0 ? "not killed" : "not answering again in 5 min"));
                return;
            }
            // In the outage: every request answered after the kill was issued and sent before Elasticsearch answered again.
            java.util.function.Predicate<Sample> inOutage = s -> s.startNs + s.nanos >= killIssuedAt && s.startNs < answersAt;
            List<Sample> during = samples.stream().filter(inOutage).toList();
            report.add("   kill issued at %.1f s; Elasticsearch dead at %.1f s, restarted at %.1f s, answers again at %.1f s (%.1f s after the restart); outage %.1f s"
                    .formatted(killIssuedAt / 1e9, killedAt / 1e9, upStartedAt / 1e9, answersAt / 1e9, (answersAt - upStartedAt) / 1e9,
                            (answersAt - killIssuedAt) / 1e9));
            report.add("   during the outage (requests answered after the kill was issued and sent before Elasticsearch answered; the run ends at %d s):"
                    .formatted(seconds));
            report.add("   %-16s %7s %8s %8s %8s  %s".formatted("", "count", "p50 ms", "p99 ms", "max ms", "answers by code"));
            for (String op : OPS) {
                List<Sample> mine = during.stream().filter(s -> s.op.equals(op)).toList();
                List<Long> nanos = mine.stream().map(Sample::nanos).toList();
                Map<String, Long> answers = new TreeMap<>(codes(mine));
                long ok = mine.stream().filter(s -> s.code == null).count();
                if (ok > 0) {
                    answers.put("ok", ok);
                }
                report.add("   %-16s %7d %8s %8s %8s  %s".formatted(op, mine.size(), ms(nanos, 50), ms(nanos, 99), ms(nanos, 100), answers));
            }
            List<Sample> searches = during.stream().filter(s -> s.op.equals("search")).toList();
            long slow = searches.stream().filter(s -> s.nanos > 1_000_000_000L).count();
            long wrong = searches.stream().filter(s -> s.code != null && !s.code.equals("SEARCH_UNAVAILABLE") && !s.code.equals("RATE_LIMITED")).count();
            report.add("   target searches answer SEARCH_UNAVAILABLE within 1 s: %d of %d over 1 s, %d other errors, max %s ms -> %s"
                    .formatted(slow, searches.size(), wrong, ms(searches.stream().map(Sample::nanos).toList(), 100),
                            !searches.isEmpty() && slow == 0 && wrong == 0 ? "MET" : "NOT MET"));
            // Product pages do not touch Elasticsearch: their latency in the same window is the machine's own queueing.
            List<Long> pages = during.stream().filter(s -> s.op.equals("product page")).map(Sample::nanos).toList();
            report.add("   (for comparison, product pages, which never ask Elasticsearch, in the same window: p99 %s ms, max %s ms)"
                    .formatted(ms(pages, 99), ms(pages, 100)));
            List<Sample> writes = during.stream().filter(s -> s.op.equals("product update") || s.op.equals("inquiry")).toList();
            long failed = writes.stream().filter(s -> s.code != null && !s.code.equals("RATE_LIMITED")).count();
            report.add("   target writes keep succeeding: %d of %d failed -> %s".formatted(failed, writes.size(),
                    !writes.isEmpty() && failed == 0 ? "MET" : "NOT MET"));
            List<Sample> outside = samples.stream().filter(inOutage.negate()).toList();
            Map<String, Long> outsideErrors = codes(outside);
            outsideErrors.remove("RATE_LIMITED");
            report.add("   outside the outage: errors other than rate limits %s -> %s".formatted(
                    outsideErrors.isEmpty() ? "none" : outsideErrors, outsideErrors.isEmpty() ? "MET" : "NOT MET"));
            double resume = searchesResumeAt < 0 ? -1 : Math.max(0, searchesResumeAt - answersAt) / 1e9;
            double drain = backlogEmptyAt < 0 ? -1 : (backlogEmptyAt - answersAt) / 1e9;
            report.add("   searches succeed again %.1f s after Elasticsearch answers; outbox backlog (peak %d events) empty %.1f s after"
                    .formatted(resume, peakBacklog, drain));
            report.add("   target resume within a few seconds (<= 5 s) of Elasticsearch answering: search %.1f s, backlog %.1f s -> %s"
                    .formatted(resume, drain, resume >= 0 && drain >= 0 && resume <= 5 && drain <= 5 ? "MET" : "NOT MET"));
        }
    }

    private boolean esAnswers() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(es + "/" + alias + "/_count"))
                    .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** The outbox's pending events, from the app's health (the {@code outbox} component); -1 if unreadable. */
    private long backlog() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(actuator + "/health/outbox"))
                    .header("Authorization", "Bearer " + adminToken) // health details are for admins
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body()).path("details").path("pending").asLong(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    /** Waits until the outbox holds no event; returns the seconds it took, or -1 when it did not empty in time. */
    private long waitForEmptyBacklog(Duration max) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < max.toNanos()) {
            if (backlog() == 0) {
                return (System.nanoTime() - start) / 1_000_000_000L;
            }
            Thread.sleep(200);
        }
        System.out.println("load: the outbox backlog did not empty in " + max.toSeconds() + " s");
        return -1;
    }

    private static void command(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("`" + command + "` failed with " + p.exitValue());
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.min(left / 1_000_000 + 1, 500));
        }
    }

    // ---------------------------------------------------------------- the app's own figures

    /** Samples the app's used heap, live threads and database pool every half second through actuator metrics. */
    private final class Metrics {
        final AtomicLong heap = new AtomicLong(-1);
        final AtomicLong heapMax = new AtomicLong(-1);
        /** Live data after the last full or concurrent collection: what the heap must hold, garbage aside. */
        final AtomicLong live = new AtomicLong(-1);
        final AtomicLong threads = new AtomicLong(-1);
        final AtomicLong poolPending = new AtomicLong(-1);
        final AtomicLong poolActive = new AtomicLong(-1);

        void sample(AtomicBoolean on) {
            while (on.get()) {
                heap.accumulateAndGet(metric("jvm.memory.used?tag=area:heap"), Math::max);
                heapMax.accumulateAndGet(metric("jvm.memory.max?tag=area:heap"), Math::max);
                live.accumulateAndGet(metric("jvm.gc.live.data.size"), Math::max);
                threads.accumulateAndGet(metric("jvm.threads.live"), Math::max);
                poolPending.accumulateAndGet(metric("hikaricp.connections.pending"), Math::max);
                poolActive.accumulateAndGet(metric("hikaricp.connections.active"), Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private long metric(String path) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(actuator + "/metrics/" + path))
                        .header("Authorization", "Bearer " + adminToken) // metrics are for admins
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    return -1;
                }
                return (long) JSON.readTree(r.body()).path("measurements").get(0).path("value").asDouble();
            } catch (Exception e) {
                return -1;
            }
        }
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : "%d MB".formatted(bytes / (1024 * 1024));
    }

    private static String n(long v) {
        return v < 0 ? "n/a" : Long.toString(v);
    }

    // ---------------------------------------------------------------- HTTP

    /** An answer: its JSON (when there is one) and its error code, null when it succeeded. */
    record Outcome(JsonNode json, String code, String detail) {
        Outcome(JsonNode json, String code) {
            this(json, code, null);
        }
    }

    private static String body(String document, Map<String, Object> variables) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("query", document);
        b.put("variables", variables);
        return JSON.writeValueAsString(b);
    }

    /**
     * Sends one request; the code is the HTTP status when not 200, {@code timeout}, the GraphQL error's
     * {@code extensions.code}, or the payload's first user error as {@code user:CODE}.
     */
    private Outcome send(String bearer, String body) {
        Outcome o = sendOnce(bearer, body, REQUEST_TIMEOUT);
        if (o.code != null && !examples.containsKey(o.code)) {
            JsonNode error = o.json == null ? null : o.json.path("errors").path(0);
            String message = error == null || error.isMissingNode() ? o.detail : error.path("message").asString(o.detail);
            for (JsonNode payload : o.json == null ? List.<JsonNode>of() : o.json.path("data")) {
                if (payload.path("errors").isArray() && !payload.path("errors").isEmpty()) {
                    message = payload.path("errors").path(0).path("message").asString();
                }
            }
            examples.putIfAbsent(o.code, message == null ? "" : message.substring(0, Math.min(160, message.length())));
        }
        return o;
    }

    private Outcome sendOnce(String bearer, String body, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(graphql)).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timeout", "no answer in " + timeout.toSeconds() + " s (the client's limit)");
        } catch (Exception e) {
            return new Outcome(null, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
        JsonNode json;
        try {
            json = JSON.readTree(r.body());
        } catch (Exception e) {
            json = null;
        }
        if (r.statusCode() != 200) {
            String code = json == null ? null : json.path("errors").path(0).path("extensions").path("code").asString(null);
            return new Outcome(json, "HTTP " + r.statusCode() + (code == null ? "" : " " + code));
        }
        if (json == null) {
            return new Outcome(null, "unreadable");
        }
        if (json.has("errors") && !json.path("errors").isEmpty()) {
            return new Outcome(json, json.path("errors").path(0).path("extensions").path("code").asString("GRAPHQL_ERROR"));
        }
        for (JsonNode payload : json.path("data")) {
            JsonNode errors = payload.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                return new Outcome(json, "user:" + errors.path(0).path("code").asString());
            }
        }
        return new Outcome(json, null);
    }

    /** A set-up call: fails loudly, the run would measure nothing without it. */
    private JsonNode call(String bearer, String document, Map<String, Object> variables) {
        // Not measured, and the consistency check reads every product: at a million that takes minutes.
        Outcome o = sendOnce(bearer, body(document, variables), SETUP_TIMEOUT);
        if (o.json == null || o.json.has("errors")) {
            throw new IllegalStateException("Set-up request failed (" + o.code + "): " + o.json);
        }
        return o.json;
    }

    private JsonNode admin(String document, Map<String, Object> variables) {
        return call(adminToken, document, variables);
    }

    private static Map<String, Long> codes(List<Sample> samples) {
        Map<String, Long> m = new TreeMap<>();
        for (Sample s : samples) {
            if (s.code != null) {
                m.merge(s.code, 1L, Long::sum);
            }
        }
        return m;
    }
}
