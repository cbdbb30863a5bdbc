package vn.htxconnect.search.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.CategoryService;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.search.ProductCandidates.ItemMatch;
import vn.htxconnect.search.ProductCandidates.ItemTier;

/**
 * Whether a product is the item a buyer asked for, decided from the buyer's own words and the
 * product's name, not from a list of items. The request's words become units (a word, a regional
 * synonym phrase with its equivalents, or a province); buying words, units and quality adjectives
 * are left out. The first unit is the head item (with the next one when the first is a generic
 * noun such as "thịt" or "cá", or when the two make a category's name, as "thanh long" or
 * "cà phê"); the rest qualify it (variety, origin, cut, form). A product whose name carries every
 * unit is the requested item; one that carries the head is a substitute; any other is another item.
 *
 * <p>A word matches when its folded form does and, if both sides carry tone marks, the marks agree
 * ("nấm" is not "nam"); variety codes match whole ("ST25" is not "ST24"; "ST 25" is "ST25"). A
 * word inside a phrase of another meaning does not count ("bắp" in "bắp cải", "dứa" in "lá dứa"),
 * which the synonym rules say. A province is carried by the product's province or by its name.
 */
@Component
class ItemIdentity {

    /**
     * Syllables of buying phrases that open a request on their own, in any order ("Thu gom, nhập …",
     * "Yêu cầu báo giá …"): dropped only before the first item word. Matching's own, beside the
     * one-word phrases of the shared list ({@link IntentWords}): search, which drops words anywhere in a
     * query, cannot drop them alone ("hàng khô", "cấp 1", "số 1" are product words there).
     */
    private static final Set<String> REQUEST_OPENERS = Set.of("thu", "gom", "nhập", "đặt", "nguồn", "hàng", "cung",
            "cấp", "ứng", "yêu", "cầu", "báo", "lẻ", "số", "lượng", "lớn");
    /**
     * Units, packaging, certificates and connectives: never the item, wherever they stand. Not the
     * shared list's {@code units:}, which count only after a number and would take "con" (heo con) or,
     * folded, "bo" (bò) for a unit here.
     */
    private static final Set<String> NOISE = Set.of("kg", "tấn", "tạ", "yến", "lít", "gam", "gói", "hộp", "chai",
            "thùng", "bao", "túi", "vietgap", "globalgap", "ocop", "haccp", "iso", "và", "các", "những", "cho",
            "của", "từ", "tại", "ở", "theo", "có", "đạt", "mỗi", "loại", "hạng", "size", "cỡ", "sao", "tuần",
            "tháng", "hàng");
    /**
     * Phrases of a request that are not the item and whose words alone may be items ("tiêu" is pepper,
     * "tiêu chuẩn" a standard), beside the shared list's buying phrases: matching's own, as search
     * keeps these words (a listing may say "chứng nhận", and "số lượng" without "lớn" is no buying).
     */
    private static final List<List<String>> OWN_NOISE_PHRASES = List.of(List.of("chứng", "nhận"),
            List.of("số", "lượng"), List.of("nội", "địa"), List.of("bếp", "ăn"));
    /** Unaccented forms too common as other words to drop ("tan" is also Tân, "cho" Chợ, "gia" Gia Lai). */
    private static final Set<String> AMBIGUOUS_UNACCENTED = Set.of("tan", "cho", "gia", "so", "cua", "tu", "o", "co",
            "thi", "tai", "can", "tim", "thu", "dat", "hang", "ta", "yen", "sao", "le", "si", "lon", "moi");
    /** Quality and default-form adjectives: qualify nothing a listing must repeat (never the first word). */
    private static final Set<String> ADJECTIVES = Set.of("tươi", "sạch", "ngon", "thơm", "dẻo", "đẹp", "tốt",
            "đều", "mới", "nguyên", "chất", "thượng", "hạng", "xịn", "lớn");
    /** Generic nouns that head an item only with the next word ("thịt heo", "cá tra", "mật ong", "khoai lang"). */
    private static final Set<String> GENERIC_NOUNS = Set.of("thịt", "cá", "rau", "nấm", "nước", "mật", "đậu", "đỗ",
            "hạt", "củ", "bột", "tôm", "khoai", "bánh", "dưa", "bí", "cải", "trứng", "hoa", "lá");
    /** "quả xoài" is "xoài". */
    private static final Set<String> FRUIT_PREFIXES = Set.of("quả", "trái");
    private static final int MAX_PLACE_WORDS = 4;

    private final QueryExpander expander;
    private final ProvinceService provinces;
    private final CategoryService categories;
    /** Words that open a request: the shared list's one-word buying phrases and matching's own openers. */
    private final Set<String> leading;
    /** Phrases dropped wherever they stand after the first word: the shared list's and matching's own. */
    private final List<List<String>> noisePhrases;

    ItemIdentity(QueryExpander expander, ProvinceService provinces, CategoryService categories) {
        this.expander = expander;
        this.provinces = provinces;
        this.categories = categories;
        List<List<String>> buying = IntentWords.fromClasspath().buyingPhrases();
        Set<String> words = new HashSet<>(REQUEST_OPENERS);
        buying.stream().filter(p -> p.size() == 1).forEach(p -> words.add(p.getFirst()));
        this.leading = Set.copyOf(words);
        List<List<String>> phrases = new ArrayList<>(buying.stream().filter(p -> p.size() > 1).toList());
        phrases.addAll(OWN_NOISE_PHRASES);
        this.noisePhrases = List.copyOf(phrases);
    }

    /** One unit of the request: the ways it may be written (token lists), or the province it names. */
    record Unit(String label, List<List<String>> forms, String provinceCode) {
    }

    /** The request's units; the first {@code headSize} are the head, of which {@code softHead} need not be carried. */
    record Requested(List<Unit> units, int headSize, int softHead) {

        static final Requested NONE = new Requested(List.of(), 0, 0);
    }

    /** The tier of one product for one request. */
    ItemMatch judge(String requested, Product product) {
        return judge(parse(requested), product);
    }

    ItemMatch judge(Requested req, Product product) {
        if (req.units().isEmpty()) {
            return new ItemMatch(ItemTier.REQUESTED, List.of());
        }
        String name = product.name() == null ? "" : product.name();
        List<String> tokens = merged(VietnameseText.tokens(VietnameseText.normalize(name)));
        List<int[]> bound = boundRanges(name, tokens);
        List<String> missing = new ArrayList<>();
        boolean headCarried = true;
        for (int u = 0; u < req.units().size(); u++) {
            Unit unit = req.units().get(u);
            if (!carries(unit, tokens, bound, product)) {
                missing.add(unit.label());
                if (u >= req.softHead() && u < req.headSize()) {
                    headCarried = false;
                }
            }
        }
        if (missing.isEmpty()) {
            return new ItemMatch(ItemTier.REQUESTED, List.of());
        }
        return new ItemMatch(headCarried ? ItemTier.SUBSTITUTE : ItemTier.OTHER, List.copyOf(missing));
    }

    /** The request's words as units, head first. */
    Requested parse(String requested) {
        String normalized = VietnameseText.normalize(requested);
        if (normalized.isBlank()) {
            return Requested.NONE;
        }
        List<String> tokens = VietnameseText.tokens(normalized);
        int[] starts = VietnameseText.tokenStarts(normalized, tokens);
        ExpandedQuery exp = expander.expand(normalized);
        // Units at token positions: synonym spans first, then provinces, then single words.
        Unit[] at = new Unit[tokens.size()];
        int[] length = new int[tokens.size()];
        for (ExpandedQuery.Span span : exp.spans()) {
            int from = indexAt(starts, span.start());
            int to = indexAt(starts, span.end() - 1) + 1;
            if (from < 0 || to <= from) {
                continue;
            }
            List<List<String>> forms = new ArrayList<>();
            forms.add(merged(tokens.subList(from, to)));
            span.equivalents().forEach(e -> forms.add(merged(VietnameseText.tokens(VietnameseText.normalize(e)))));
            at[from] = new Unit(span.text(), forms, null);
            length[from] = to - from;
        }
        markPlaces(tokens, at, length);
        boolean[] dropped = noisePhrases(tokens, at);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            if (at[i] != null) {
                boolean adjective = length[i] == 1 && !units.isEmpty() && isWord(tokens.get(i), ADJECTIVES);
                if (!adjective) {
                    units.add(at[i]);
                }
                i += length[i];
                continue;
            }
            String t = tokens.get(i);
            boolean last = i == tokens.size() - 1;
            if (dropped[i] || isWord(t, NOISE) || (units.isEmpty() && isWord(t, leading))
                    || (!units.isEmpty() && isWord(t, ADJECTIVES))
                    || (units.isEmpty() && FRUIT_PREFIXES.contains(t) && !last)
                    || (isDigits(t) && (i > 0 && isWord(tokens.get(i - 1), NOISE) || !last && isWord(tokens.get(i + 1), NOISE)))) {
                i++;
                continue;
            }
            // "ST 25" is written "ST25" as often: a short code and its number make one word.
            if (!last && isShortCode(t) && isDigits(tokens.get(i + 1)) && at[i + 1] == null) {
                String code = t + tokens.get(i + 1);
                units.add(new Unit(code, List.of(List.of(code)), null));
                i += 2;
                continue;
            }
            units.add(new Unit(t, List.of(List.of(t)), null));
            i++;
        }
        if (units.isEmpty()) {
            return Requested.NONE;
        }
        return new Requested(List.copyOf(units), headSize(units), softHead(units));
    }

    /** The head: one unit, or two when the first is a generic noun or the two name a category. */
    private int headSize(List<Unit> units) {
        if (units.size() < 2 || units.get(1).provinceCode() != null) {
            return 1;
        }
        if (softHead(units) == 1) {
            return 2;
        }
        List<String> first = units.get(0).forms().getFirst();
        List<String> second = units.get(1).forms().getFirst();
        if (first.size() == 1 && second.size() == 1) {
            String pair = " " + VietnameseText.fold(first.getFirst() + " " + second.getFirst()) + " ";
            for (Category c : categories.all()) {
                String words = " " + String.join(" ", VietnameseText.tokens(VietnameseText.fold(c.nameVi()))) + " ";
                if (words.contains(pair)) {
                    return 2;
                }
            }
        }
        return 1;
    }

    /** 1 when the first unit is a generic noun that a listing may leave out of a substitute's name ("Ba rọi heo"). */
    private static int softHead(List<Unit> units) {
        List<String> first = units.getFirst().forms().getFirst();
        return units.size() >= 2 && units.get(1).provinceCode() == null && first.size() == 1
                && GENERIC_NOUNS.contains(first.getFirst()) ? 1 : 0;
    }

    /** Runs of words (not the first word) naming a province, rightmost and longest first. */
    private void markPlaces(List<String> tokens, Unit[] at, int[] length) {
        for (int len = Math.min(MAX_PLACE_WORDS, tokens.size() - 1); len >= 1; len--) {
            for (int from = tokens.size() - len; from >= 1; from--) {
                if (!free(at, length, from, len)) {
                    continue;
                }
                List<String> run = tokens.subList(from, from + len);
                if (run.stream().anyMatch(ItemIdentity::isDigits) || (len == 1 && !VietnameseText.hasDiacritics(run.getFirst()))) {
                    continue; // a number is a grade or a code; one unaccented syllable is too often a word
                }
                String words = String.join(" ", run);
                Optional<Province> p = provinces.resolve(words);
                if (p.isPresent()) {
                    at[from] = new Unit(words, List.of(List.copyOf(run)), p.get().code());
                    length[from] = len;
                }
            }
        }
    }

    private static boolean free(Unit[] at, int[] length, int from, int len) {
        for (int i = 0; i < at.length; i++) {
            if (at[i] != null && i < from + len && i + length[i] > from) {
                return false;
            }
        }
        return true;
    }

    private boolean carries(Unit unit, List<String> tokens, List<int[]> bound, Product product) {
        if (unit.provinceCode() != null && unit.provinceCode().equals(product.provinceCode())) {
            return true;
        }
        for (List<String> form : unit.forms()) {
            for (int i = 0; i + form.size() <= tokens.size(); i++) {
                if (matchesAt(form, tokens, i) && !cutsABoundPhrase(bound, i, i + form.size())
                        && !otherMeaning(form, tokens, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesAt(List<String> form, List<String> tokens, int at) {
        for (int k = 0; k < form.size(); k++) {
            if (!sameWord(form.get(k), tokens.get(at + k))) {
                return false;
            }
        }
        return true;
    }

    /** Folded forms agree and, where both carry tone marks, the marks do too. */
    static boolean sameWord(String requested, String named) {
        if (!VietnameseText.fold(requested).equals(VietnameseText.fold(named))) {
            return false;
        }
        return !VietnameseText.hasDiacritics(requested) || !VietnameseText.hasDiacritics(named) || requested.equals(named);
    }

    /** A match that takes part of a multi-word phrase of the product's name ("bắp" of "bắp cải"). */
    private static boolean cutsABoundPhrase(List<int[]> bound, int from, int to) {
        for (int[] b : bound) {
            boolean overlaps = b[0] < to && from < b[1];
            boolean inside = b[0] >= from && b[1] <= to;
            if (overlaps && !inside) {
                return true;
            }
        }
        return false;
    }

    /** The word stands in a protected phrase of another meaning in the name ("dứa" in "lá dứa"). */
    private boolean otherMeaning(List<String> form, List<String> tokens, int at) {
        ExpandedQuery exp = expander.expand(String.join(" ", form));
        List<String> folded = tokens.stream().map(VietnameseText::fold).toList();
        for (String phrase : expander.phrasesWithOtherMeaning(exp)) {
            List<String> p = VietnameseText.tokens(phrase);
            for (int i = Math.max(0, at - p.size() + 1); i <= at + form.size() - 1 && i + p.size() <= folded.size(); i++) {
                if (folded.subList(i, i + p.size()).equals(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Multi-word synonym terms in the product's name ("bắp cải"): their words are not separate items. */
    private List<int[]> boundRanges(String name, List<String> tokens) {
        List<int[]> ranges = new ArrayList<>();
        String normalized = VietnameseText.normalize(name);
        List<String> raw = VietnameseText.tokens(normalized);
        if (raw.size() != tokens.size()) {
            return ranges; // codes were merged; positions no longer align and such names rarely hold phrases
        }
        int[] starts = VietnameseText.tokenStarts(normalized, raw);
        for (ExpandedQuery.Span span : expander.expand(normalized).spans()) {
            int from = indexAt(starts, span.start());
            int to = indexAt(starts, span.end() - 1) + 1;
            if (from >= 0 && to - from > 1) {
                ranges.add(new int[] {from, to});
            }
        }
        return ranges;
    }

    /** The token is one of the words, as written or typed without its marks (unless that form is ambiguous). */
    private static boolean isWord(String token, Set<String> words) {
        if (words.contains(token)) {
            return true;
        }
        if (VietnameseText.hasDiacritics(token) || AMBIGUOUS_UNACCENTED.contains(token)) {
            return false;
        }
        return words.stream().anyMatch(w -> VietnameseText.fold(w).equals(token));
    }

    /** Tokens inside a noise phrase (not already part of a synonym or province unit). */
    private boolean[] noisePhrases(List<String> tokens, Unit[] at) {
        boolean[] dropped = new boolean[tokens.size()];
        for (List<String> phrase : noisePhrases) {
            for (int i = 1; i + phrase.size() <= tokens.size(); i++) {
                boolean all = true;
                for (int k = 0; k < phrase.size() && all; k++) {
                    all = at[i + k] == null && sameWord(tokens.get(i + k), phrase.get(k));
                }
                if (all) {
                    Arrays.fill(dropped, i, i + phrase.size(), true);
                }
            }
        }
        return dropped;
    }

    private static boolean isDigits(String t) {
        return !t.isEmpty() && t.chars().allMatch(Character::isDigit);
    }

    private static boolean isShortCode(String t) {
        return t.length() <= 3 && t.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    /** "st 25" as one token "st25", as the request's units are built. */
    static List<String> merged(List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i).toLowerCase(Locale.ROOT);
            if (i + 1 < tokens.size() && isShortCode(t) && isDigits(tokens.get(i + 1))) {
                out.add(t + tokens.get(i + 1));
                i++;
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** The token whose text covers this offset, or -1. */
    private static int indexAt(int[] starts, int offset) {
        int found = -1;
        for (int k = 0; k < starts.length; k++) {
            if (starts[k] <= offset) {
                found = k;
            }
        }
        return found;
    }
}
