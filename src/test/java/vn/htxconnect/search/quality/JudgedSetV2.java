package vn.htxconnect.search.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files of the v2 judged set ({@code search-quality-v2/}): the rules tables, the catalogue with
 * its labels and the two query parts. Plain Java, read from the class path.
 */
record JudgedSetV2(JudgedGrader.Rules rules, Catalogue catalogue, List<JudgedGrader.Intent> dev,
                   List<JudgedGrader.Intent> holdout) {

    static final String DIR = "search-quality-v2/";

    record Catalogue(String description, List<Organization> organizations, List<Listing> listings) {

        /** Labels by listing reference, in catalogue order. */
        Map<String, JudgedGrader.Labels> labels() {
            Map<String, JudgedGrader.Labels> out = new LinkedHashMap<>();
            listings.forEach(l -> out.put(l.ref(), l.labels()));
            return out;
        }
    }

    record Organization(String key, String name, String kind, String province, boolean verified) {
    }

    record Listing(String ref, String organization, String name, String category, String description, String unit,
                   Long priceMinVnd, Long priceMaxVnd, Double monthlyCapacity, List<Integer> availableMonths,
                   String province, List<Cert> certifications, JudgedGrader.Labels labels) {
    }

    /** A certificate without dates: {@code expired} ones lapsed before the load day, the others still valid. */
    record Cert(String scheme, String number, String issuer, Integer ocopStars, boolean expired) {
    }

    record Queries(String description, List<JudgedGrader.Intent> queries) {
    }

    static JudgedSetV2 load() {
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        return new JudgedSetV2(json.readValue(read("rules.json"), JudgedGrader.Rules.class),
                json.readValue(read("catalogue.json"), Catalogue.class),
                json.readValue(read("queries-dev.json"), Queries.class).queries(),
                json.readValue(read("queries-holdout.json"), Queries.class).queries());
    }

    static byte[] read(String file) {
        try (InputStream in = JudgedSetV2.class.getClassLoader().getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DIR + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JudgedGrader grader() {
        return new JudgedGrader(rules);
    }
}
