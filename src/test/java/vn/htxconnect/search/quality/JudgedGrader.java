package vn.htxconnect.search.quality;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the grades of the v2 judged set from labels, by the rules of
 * {@code search-quality-v2/RULES.md} (section 3); plain Java, no Spring, so the rules are unit-tested
 * on their own ({@code JudgedGraderTests}). Nothing here knows a query or a listing by name: every
 * grade follows from the query's intent, the listing's labels and the tables of {@code rules.json}.
 */
final class JudgedGrader {

    /** The tables of {@code rules.json}. */
    record Rules(Map<String, String> items, Map<String, List<String>> groups, Map<String, List<String>> substitutes,
                 Map<String, Place> places) {
    }

    /** A place: a current province ({@code parent} null), a pre-2025 province or a locality. */
    record Place(List<String> names, String parent, String level) {
    }

    /** What a listing is, for the grader only (never sent to the app). */
    record Labels(String item, List<String> qualifiers, List<String> places, String province) {
    }

    /** What the buyer means by a query; {@code items} may name groups as {@code @group}. */
    record Intent(String query, String kind, List<String> items, List<String> qualifiers, String place) {

        Intent {
            items = items == null ? List.of() : List.copyOf(items);
            qualifiers = qualifiers == null ? List.of() : List.copyOf(qualifiers);
        }
    }

    private final Rules rules;

    JudgedGrader(Rules rules) {
        this.rules = rules;
    }

    /** The grade (0–3) of one listing for one query intent. */
    int grade(Intent intent, Labels listing) {
        Set<String> items = expand(intent.items());
        if (intent.place() != null && !rules.places().containsKey(intent.place())) {
            throw new IllegalArgumentException("no place " + intent.place() + " in rules.json");
        }
        boolean qualifiersHold = listing.qualifiers() != null && listing.qualifiers().containsAll(intent.qualifiers());
        boolean placeHolds = intent.place() == null || intent.place().equals(listing.province())
                || (listing.places() != null && listing.places().stream().anyMatch(p -> ancestry(p).contains(intent.place())));
        if (items.isEmpty()) {
            return qualifiersHold && placeHolds ? 3 : 0;
        }
        if (items.contains(listing.item())) {
            return qualifiersHold && placeHolds ? 3 : 2;
        }
        for (String item : items) {
            if (rules.substitutes().getOrDefault(item, List.of()).contains(listing.item())) {
                return 1;
            }
        }
        return 0;
    }

    /** Grades of every listing graded 1 or more, by listing reference (unlisted means 0, as {@link RankingMetrics} reads it). */
    Map<String, Integer> grades(Intent intent, Map<String, Labels> listings) {
        Map<String, Integer> out = new LinkedHashMap<>();
        listings.forEach((ref, labels) -> {
            int g = grade(intent, labels);
            if (g > 0) {
                out.put(ref, g);
            }
        });
        return out;
    }

    /** The item ids an intent names, groups expanded; fails on an id the rules do not define. */
    Set<String> expand(List<String> items) {
        Set<String> out = new HashSet<>();
        for (String item : items) {
            if (item.startsWith("@")) {
                List<String> members = rules.groups().get(item.substring(1));
                if (members == null) {
                    throw new IllegalArgumentException("no group " + item + " in rules.json");
                }
                out.addAll(members);
            } else {
                if (!rules.items().containsKey(item)) {
                    throw new IllegalArgumentException("no item " + item + " in rules.json");
                }
                out.add(item);
            }
        }
        return out;
    }

    /** The place and every place that contains it (locality → pre-2025 province → current province). */
    List<String> ancestry(String place) {
        List<String> chain = new ArrayList<>();
        String p = place;
        while (p != null) {
            if (chain.contains(p)) {
                throw new IllegalStateException("places form a cycle at " + p);
            }
            chain.add(p);
            Place known = rules.places().get(p);
            if (known == null) {
                throw new IllegalArgumentException("no place " + p + " in rules.json");
            }
            p = known.parent();
        }
        return chain;
    }

    /**
     * The split of RULES.md section 5: within each kind, queries ordered by the SHA-256 of their NFC
     * text; the first {@code round(0.4 n)} are dev, the rest holdout. Returns {@code kind → [dev, holdout]}.
     */
    static Map<String, List<List<String>>> split(List<String> queries, List<String> kinds) {
        Map<String, List<String>> byKind = new TreeMap<>();
        for (int i = 0; i < queries.size(); i++) {
            byKind.computeIfAbsent(kinds.get(i), k -> new ArrayList<>()).add(queries.get(i));
        }
        Map<String, List<List<String>>> out = new TreeMap<>();
        byKind.forEach((kind, qs) -> {
            List<String> sorted = new ArrayList<>(qs);
            sorted.sort(Comparator.comparing(JudgedGrader::hash));
            int dev = (int) Math.floor(sorted.size() * 0.4 + 0.5);
            out.put(kind, List.of(List.copyOf(sorted.subList(0, dev)), List.copyOf(sorted.subList(dev, sorted.size()))));
        });
        return out;
    }

    static String hash(String query) {
        try {
            byte[] bytes = Normalizer.normalize(query, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
