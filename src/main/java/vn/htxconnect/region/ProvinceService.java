package vn.htxconnect.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.htxconnect.platform.Message;

/**
 * The 34 current province-level units, loaded once from {@code region/provinces.json}, and a
 * lenient resolver from anything people write for a province (current or pre-2025 name, code,
 * slug, unaccented or upper-case spelling, "Tỉnh"/"TP." prefixes) to the current unit.
 */
@Service
public class ProvinceService {

    private static final String DATA = "region/provinces.json";

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}");
    /** Administrative prefixes and English suffixes that do not identify the unit. */
    private static final List<List<String>> PREFIXES =
            List.of(List.of("tinh"), List.of("thanh", "pho"), List.of("tp"), List.of("thu", "do"));
    private static final Set<String> SUFFIXES = Set.of("province", "city");

    private final List<Province> provinces;
    private final Map<String, Province> byCode = new HashMap<>();
    /** Folded keys of current codes, slugs, names, English names and informal aliases. */
    private final Map<String, Province> currentKeys = new HashMap<>();
    /** Folded keys of pre-2025 codes, names and their aliases. */
    private final Map<String, ResolvedProvince> legacyKeys = new HashMap<>();
    private final Map<String, List<String>> searchableNames = new HashMap<>();

    public ProvinceService() {
        List<ProvinceJson> units = read();
        List<Province> loaded = new ArrayList<>(units.size());
        for (ProvinceJson unit : units) {
            Province province = unit.toProvince();
            loaded.add(province);
            index(unit, province);
        }
        this.provinces = List.copyOf(loaded);
        checkNoCrossUnitCollisions();
    }

    /** All 34 units, in statistical-code order (roughly north to south). */
    public List<Province> all() {
        return provinces;
    }

    /** The unit with exactly this current two-digit code. Use {@link #resolve} for user input. */
    public Optional<Province> findByCode(@Nullable String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip()));
    }

    /**
     * The code of the province a filter names (as {@link #resolve} reads it), null when the value is absent
     * or blank; a value that names no province is refused as BAD_REQUEST on {@code field}.
     */
    public @Nullable String codeOf(String field, @Nullable String value) {
        return value == null || value.isBlank() ? null : resolve(value).map(Province::code)
                .orElseThrow(() -> vn.htxconnect.platform.ApiException.badRequest(field, Message.of("region.province.unknown")));
    }

    /**
     * The current unit for a current code, slug, name or informal alias, or a pre-2025 province
     * name or code, ignoring case, diacritics, tone-mark placement, punctuation and prefixes such
     * as "Tỉnh" or "TP.". Empty when nothing matches; there is no partial or fuzzy matching.
     */
    public Optional<Province> resolve(@Nullable String anything) {
        return resolveWithLegacy(anything).map(ResolvedProvince::province);
    }

    /**
     * Like {@link #resolve}, and tells which pre-2025 province the input named, if any. Current
     * codes and names win over old ones: "Đồng Tháp" and "82" are the current unit, while "87"
     * (Đồng Tháp's old code) and "Tiền Giang" are legacy matches.
     */
    public Optional<ResolvedProvince> resolveWithLegacy(@Nullable String anything) {
        if (anything == null) {
            return Optional.empty();
        }
        String key = key(anything);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Province current = currentKeys.get(key);
        if (current != null) {
            return Optional.of(new ResolvedProvince(current, null));
        }
        return Optional.ofNullable(legacyKeys.get(key));
    }

    /**
     * Names a search index should match for the unit with this current code: the current name
     * first, then the pre-2025 names, then informal aliases ("Sài Gòn", "Vũng Tàu"); no
     * duplicates. Empty for an unknown code.
     */
    public List<String> searchableNames(@Nullable String code) {
        return findByCode(code).map(p -> searchableNames.get(p.code())).orElse(List.of());
    }

    private void index(ProvinceJson unit, Province province) {
        if (byCode.putIfAbsent(province.code(), province) != null) {
            throw new IllegalStateException("duplicate province code " + province.code());
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(province.name());
        for (String current : List.of(province.code(), province.slug(), province.name(), province.nameEn())) {
            putCurrent(current, province);
        }
        for (String alias : unit.aliasesOrEmpty()) {
            putCurrent(alias, province);
        }
        for (int i = 0; i < unit.legacy().size(); i++) {
            LegacyJson old = unit.legacy().get(i);
            var match = new ResolvedProvince(province, province.legacy().get(i));
            names.add(old.name());
            putLegacy(old.code(), match);
            putLegacy(old.name(), match);
            old.aliasesOrEmpty().forEach(alias -> putLegacy(alias, match));
        }
        names.addAll(unit.aliasesOrEmpty());
        unit.legacy().forEach(old -> names.addAll(old.aliasesOrEmpty()));
        searchableNames.put(province.code(), List.copyOf(names));
    }

    private void putCurrent(String text, Province province) {
        Province previous = currentKeys.putIfAbsent(requireKey(text), province);
        if (previous != null && previous != province) {
            throw collision(text, previous, province);
        }
    }

    private void putLegacy(String text, ResolvedProvince match) {
        ResolvedProvince previous = legacyKeys.putIfAbsent(requireKey(text), match);
        if (previous != null && previous.province() != match.province()) {
            throw collision(text, previous.province(), match.province());
        }
    }

    // Without this, an old name could silently resolve to a different unit than its new owner
    // once someone edits the data file; every code rename in 2025 stayed within one merged unit.
    private void checkNoCrossUnitCollisions() {
        legacyKeys.forEach((key, match) -> {
            Province current = currentKeys.get(key);
            if (current != null && current != match.province()) {
                throw collision(key, current, match.province());
            }
        });
    }

    private static IllegalStateException collision(String text, Province a, Province b) {
        return new IllegalStateException(
                "'" + text + "' would resolve to both " + a.name() + " and " + b.name());
    }

    private static String requireKey(String text) {
        String key = key(text);
        if (key.isEmpty()) {
            throw new IllegalStateException("name without a usable key: '" + text + "'");
        }
        return key;
    }

    /**
     * Lookup key: folded, administrative prefixes and English suffixes dropped, spaces removed
     * (so "TP HCM", "TP.HCM" and "tphcm" agree, and "Daklak" matches "Đắk Lắk"), codes padded to
     * two digits.
     */
    private static String key(String text) {
        List<String> words = new ArrayList<>(Arrays.asList(NON_ALNUM.split(fold(text).strip())));
        words.removeIf(String::isEmpty);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (List<String> prefix : PREFIXES) {
                if (words.size() >= prefix.size() && words.subList(0, prefix.size()).equals(prefix)) {
                    words.subList(0, prefix.size()).clear();
                    stripped = true;
                }
            }
        }
        while (!words.isEmpty() && SUFFIXES.contains(words.getLast())) {
            words.removeLast();
        }
        String compact = String.join("", words);
        // "tphcm": the prefix glued on. No Vietnamese syllable starts with "tp", so this is safe.
        if (compact.startsWith("tp") && compact.length() > 2) {
            compact = compact.substring(2);
        }
        if (DIGITS.matcher(compact).matches()) {
            compact = "%02d".formatted(Integer.parseInt(compact));
        }
        return compact;
    }

    /**
     * Lower case without diacritics. Decomposing (NFD) handles both precomposed and decomposed
     * input, and removing every mark makes old ("Hoà") and new ("Hòa") tone placement agree.
     * đ is a letter of its own, not d plus a mark, so it needs mapping; Ð (U+00D0) is a common
     * look-alike typed for Đ.
     */
    private static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'd').replace('Ð', 'd')
                .toLowerCase(Locale.ROOT);
    }

    private static List<ProvinceJson> read() {
        try (InputStream in = ProvinceService.class.getClassLoader().getResourceAsStream(DATA)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + DATA);
            }
            // Strict: a misspelt field in the data file should fail at startup, not vanish.
            JsonMapper mapper = JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build();
            return List.of(mapper.readValue(in, ProvinceJson[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DATA, e);
        }
    }

    /** Shape of one entry in provinces.json; aliases are informal names not exposed in the API. */
    private record ProvinceJson(
            String code, String slug, String name, String nameEn, ProvinceKind kind,
            EconomicRegion region, double lat, double lon,
            @Nullable List<String> aliases, List<LegacyJson> legacy) {

        List<String> aliasesOrEmpty() {
            return aliases == null ? List.of() : aliases;
        }

        Province toProvince() {
            List<LegacyProvince> old = legacy.stream()
                    .map(l -> new LegacyProvince(l.code(), l.name(), new GeoPoint(l.lat(), l.lon())))
                    .toList();
            return new Province(code, slug, name, nameEn, kind, region, new GeoPoint(lat, lon), old);
        }
    }

    private record LegacyJson(String code, String name, double lat, double lon, @Nullable List<String> aliases) {

        List<String> aliasesOrEmpty() {
            return aliases == null ? List.of() : aliases;
        }
    }
}
