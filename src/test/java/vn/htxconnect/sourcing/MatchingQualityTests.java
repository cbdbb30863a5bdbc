package vn.htxconnect.sourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.htxconnect.testing.DedicatedDatabase;
import vn.htxconnect.testing.IntegrationTest;
import vn.htxconnect.testing.TestData;

/**
 * The judged matching set of {@code sourcing/judged-matching/} (grading rules in its RULES.md): a
 * catalogue with traps loaded through the public API into a database and index of its own, then
 * {@code matches} for each request, graded from labels. Prints a table per request and asserts mean
 * nDCG@10, the requested item at rank 1 everywhere, and no constraint breaker in any top 10.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "htx.search.index-prefix=${HTX_TEST_INDEX_PREFIX:test-}matching-",
        "spring.datasource.url=" + DedicatedDatabase.URL + "matching" + DedicatedDatabase.OPTIONS})
class MatchingQualityTests {

    static final String DIR = "/sourcing/judged-matching/";
    static final int K = 10;
    static final double MIN_MEAN_NDCG = 0.92;

    record Catalogue(List<Org> organizations, List<Item> products) {
    }

    record Org(String key, String name, String province, boolean verified) {
    }

    record Item(String key, String org, String name, String category, String item, String unit, Double capacity,
                Long price, double lat, double lon, List<Integer> monthsFromNow, List<List<Object>> certs) {
    }

    record Requests(List<Request> requests) {
    }

    record Request(String id, String kind, String title, String item, String category, double quantity, String unit,
                   String frequency, String deliveryProvince, double deliveryLat, double deliveryLon,
                   Double maxDistanceKm, List<String> certifications, Integer minOcopStars, Long targetMaxPriceVnd,
                   Boolean verifiedSuppliersOnly, int windowFromDays, int windowToDays) {
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    HttpGraphQlTester anonymous;

    @Test
    void requestedItemComesFirstAndNoBreakerReachesTheTopTen() throws Exception {
        DedicatedDatabase.emptyOnce(context);
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        Catalogue catalogue = json.readValue(read("catalogue.json"), Catalogue.class);
        List<Request> requests = json.readValue(read("requests.json"), Requests.class).requests();
        HttpGraphQlTester admin = TestData.asAdmin(anonymous);
        LocalDate today = LocalDate.now();
        Map<String, Item> byProductId = load(admin, catalogue, today);
        Map<String, Boolean> verified = new HashMap<>();
        catalogue.organizations().forEach(o -> verified.put(o.key(), o.verified()));
        String buyer = TestData.createOrganization(anonymous, TestData.unique("Chuỗi siêu thị "), "RETAIL_CHAIN", "TP. Hồ Chí Minh");

        List<String> failures = new ArrayList<>();
        double sum = 0;
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-4s %-28s %-22s %6s  %-26s %s%n",
                "id", "title", "kind", "nDCG", "rank 1 (item, grade)", "top 10 grades"));
        for (Request r : requests) {
            Map<String, Integer> grades = new LinkedHashMap<>();
            Map<String, Boolean> breakers = new HashMap<>();
            for (Item p : catalogue.products()) {
                boolean breaks = breaks(r, p, verified.get(p.org()), today);
                breakers.put(p.key(), breaks);
                grades.put(p.key(), grade(r, p, breaks, today));
            }
            if (!grades.containsValue(3)) {
                failures.add(r.id() + ": malformed case, no product of grade 3");
            }
            String requestId = create(admin, buyer, r, today);
            List<String> ranked = admin.document("query($id: ID!) { sourcingRequest(id: $id) { matches(first: 10) { product { id } } } }")
                    .variable("id", requestId).execute().path("sourcingRequest.matches[*].product.id").entityList(String.class).get()
                    .stream().map(id -> byProductId.get(id).key()).toList();
            double ndcg = ndcg(ranked, grades, K);
            sum += ndcg;
            String first = ranked.isEmpty() ? "(none)" : ranked.getFirst();
            Item top = ranked.isEmpty() ? null : catalogue.products().stream().filter(p -> p.key().equals(first)).findFirst().orElseThrow();
            if (top == null || !sameItem(r.item(), top.item()) || breakers.get(first)) {
                failures.add(r.id() + " \"" + r.title() + "\": rank 1 is " + (top == null ? "nothing" : top.key() + " (" + top.item() + ")")
                        + ", not the item asked for (" + r.item() + ")");
            }
            List<String> broken = ranked.stream().limit(K).filter(breakers::get).toList();
            if (!broken.isEmpty()) {
                failures.add(r.id() + " \"" + r.title() + "\": constraint breakers in the top 10: " + broken);
            }
            table.append(String.format(Locale.ROOT, "%-4s %-28s %-22s %6.3f  %-26s %s%s%n", r.id(), clip(r.title(), 28),
                    clip(r.kind(), 22), ndcg, clip(top == null ? "-" : top.item() + " " + grades.get(first), 26),
                    ranked.stream().map(k -> String.valueOf(grades.get(k))).toList(), broken.isEmpty() ? "" : " BREAKERS " + broken));
        }
        double mean = sum / requests.size();
        table.append(String.format(Locale.ROOT, "mean nDCG@%d %.4f over %d requests; %d failures%n", K, mean, requests.size(), failures.size()));
        System.out.println(table);
        failures.forEach(System.out::println);
        assertThat(requests).hasSizeGreaterThanOrEqualTo(40);
        assertThat(failures).isEmpty();
        assertThat(mean).isGreaterThanOrEqualTo(MIN_MEAN_NDCG);
    }

    // --- grading (RULES.md) ---

    static boolean sameItem(String requested, String product) {
        return (product + "/").startsWith(requested + "/");
    }

    static boolean sameHead(String requested, String product) {
        return requested.split("/")[0].equals(product.split("/")[0]);
    }

    static int grade(Request r, Item p, boolean breaks, LocalDate today) {
        if (breaks || !sameHead(r.item(), p.item())) {
            return 0;
        }
        if (!sameItem(r.item(), p.item())) {
            return 1;
        }
        return tooLittleCapacity(r, p, today) || tooDear(r, p) ? 2 : 3;
    }

    static boolean breaks(Request r, Item p, boolean verified, LocalDate today) {
        LocalDate from = today.plusDays(r.windowFromDays());
        LocalDate to = today.plusDays(r.windowToDays());
        LocalDate start = from.isAfter(today) ? from : today;
        List<String> required = new ArrayList<>(r.certifications() == null ? List.of() : r.certifications());
        for (String scheme : required) {
            if (!holds(p, scheme, null, start, to, today)) {
                return true;
            }
        }
        if (r.minOcopStars() != null && !holds(p, "OCOP", r.minOcopStars(), start, to, today)) {
            return true;
        }
        if (availableMonths(r, p, today) == 0) {
            return true;
        }
        if (r.maxDistanceKm() != null && km(r.deliveryLat(), r.deliveryLon(), p.lat(), p.lon()) > r.maxDistanceKm()) {
            return true;
        }
        if (Boolean.TRUE.equals(r.verifiedSuppliersOnly()) && !verified) {
            return true;
        }
        return r.category() != null && !r.category().equals(p.category());
    }

    /** A certificate of the scheme valid from 30 days ago to its validToDays, covering [start, to]. */
    static boolean holds(Item p, String scheme, Integer minStars, LocalDate start, LocalDate to, LocalDate today) {
        for (List<Object> c : p.certs()) {
            boolean stars = minStars == null || (c.size() > 2 && ((Number) c.get(2)).intValue() >= minStars);
            LocalDate validTo = today.plusDays(((Number) c.get(1)).intValue());
            if (c.get(0).equals(scheme) && stars && !validTo.isBefore(to) && !today.minusDays(30).isAfter(start)) {
                return true;
            }
        }
        return false;
    }

    static List<YearMonth> window(Request r, LocalDate today) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(today.plusDays(r.windowFromDays())); !m.isAfter(YearMonth.from(today.plusDays(r.windowToDays()))); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    static List<Integer> months(Item p, LocalDate today) {
        if (p.monthsFromNow() == null) {
            return List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        }
        return p.monthsFromNow().stream().map(o -> YearMonth.from(today).plusMonths(o).getMonthValue()).toList();
    }

    static long availableMonths(Request r, Item p, LocalDate today) {
        List<Integer> months = months(p, today);
        return window(r, today).stream().filter(m -> months.contains(m.getMonthValue())).count();
    }

    static boolean tooLittleCapacity(Request r, Item p, LocalDate today) {
        if (p.capacity() == null) {
            return true;
        }
        double capacity = p.capacity() * kg(p.unit()) / kg(r.unit());
        double cover = switch (r.frequency()) {
            case "WEEKLY" -> capacity / (r.quantity() * 52.0 / 12.0);
            case "MONTHLY" -> capacity / r.quantity();
            default -> capacity * availableMonths(r, p, today) / r.quantity();
        };
        return cover < 0.5;
    }

    static boolean tooDear(Request r, Item p) {
        if (r.targetMaxPriceVnd() == null || p.price() == null) {
            return false;
        }
        double targetPerProductUnit = r.targetMaxPriceVnd() * kg(p.unit()) / kg(r.unit());
        return p.price() > targetPerProductUnit * 1.2;
    }

    static double kg(String unit) {
        return switch (unit) {
            case "kg" -> 1;
            case "tạ" -> 100;
            case "tấn" -> 1000;
            default -> throw new IllegalArgumentException("unit not in the fixture's vocabulary: " + unit);
        };
    }

    static double km(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    /** nDCG@k with gain 2^grade - 1; the ideal list is the whole catalogue sorted by grade. */
    static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
        double ideal = dcg(grades.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).limit(k).toList());
        return ideal == 0 ? 0 : dcg(ranked.stream().limit(k).map(x -> grades.getOrDefault(x, 0)).toList()) / ideal;
    }

    private static double dcg(List<Integer> grades) {
        double sum = 0;
        for (int i = 0; i < grades.size(); i++) {
            sum += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }

    // --- loading through the public API ---

    private Map<String, Item> load(HttpGraphQlTester admin, Catalogue catalogue, LocalDate today) {
        Map<String, String> orgs = new HashMap<>();
        for (Org o : catalogue.organizations()) {
            String id = TestData.createOrganization(anonymous, o.name(), "COOPERATIVE", o.province());
            if (o.verified()) {
                admin.document("mutation($i: SetOrganizationVerificationInput!) { setOrganizationVerification(input: $i) { errors { code } } }")
                        .variable("i", Map.of("id", id, "verified", true)).execute()
                        .path("setOrganizationVerification.errors").entityList(Object.class).hasSize(0);
            }
            orgs.put(o.key(), id);
        }
        Map<String, Item> byId = new HashMap<>();
        for (Item p : catalogue.products()) {
            Map<String, Object> in = new HashMap<>();
            in.put("unit", p.unit());
            in.put("monthlyCapacity", p.capacity());
            in.put("priceMinVnd", p.price());
            in.put("lat", p.lat());
            in.put("lon", p.lon());
            in.put("availableMonths", months(p, today));
            List<Map<String, Object>> certs = new ArrayList<>();
            for (List<Object> c : p.certs()) {
                Map<String, Object> cert = new HashMap<>();
                cert.put("scheme", c.get(0));
                cert.put("number", "JM-" + p.key() + "-" + c.get(0));
                cert.put("validFrom", today.minusDays(30).toString());
                cert.put("validTo", today.plusDays(((Number) c.get(1)).intValue()).toString());
                if (c.size() > 2) {
                    cert.put("ocopStars", c.get(2));
                }
                certs.add(cert);
            }
            in.put("certifications", certs);
            byId.put(TestData.createProduct(anonymous, orgs.get(p.org()), p.name(), p.category(), in), p);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(anonymous.document("{ searchProducts(first: 1) { totalCount } }").execute()
                        .path("searchProducts.totalCount").entity(Integer.class).get()).isEqualTo(catalogue.products().size()));
        return byId;
    }

    private String create(HttpGraphQlTester admin, String buyer, Request r, LocalDate today) {
        Map<String, Object> in = new HashMap<>();
        in.put("buyerOrganizationId", buyer);
        in.put("title", r.title());
        if (r.category() != null) {
            in.put("category", r.category());
        }
        in.put("quantity", r.quantity());
        in.put("unit", r.unit());
        in.put("frequency", r.frequency());
        in.put("deliveryProvince", r.deliveryProvince());
        in.put("deliveryLat", r.deliveryLat());
        in.put("deliveryLon", r.deliveryLon());
        in.put("maxDistanceKm", r.maxDistanceKm());
        in.put("certifications", r.certifications());
        in.put("minOcopStars", r.minOcopStars());
        in.put("targetMaxPriceVnd", r.targetMaxPriceVnd());
        in.put("verifiedSuppliersOnly", r.verifiedSuppliersOnly());
        in.put("windowFrom", today.plusDays(r.windowFromDays()).toString());
        in.put("windowTo", today.plusDays(r.windowToDays()).toString());
        return admin.document("""
                mutation($i: CreateSourcingRequestInput!) { createSourcingRequest(input: $i) {
                  sourcingRequest { id } errors { field code message } } }""")
                .variable("i", in).execute()
                .path("createSourcingRequest.errors").entityList(Object.class).hasSize(0)
                .path("createSourcingRequest.sourcingRequest.id").entity(String.class).get();
    }

    private static byte[] read(String name) {
        try (InputStream in = MatchingQualityTests.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + DIR + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
