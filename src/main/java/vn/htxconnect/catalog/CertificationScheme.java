package vn.htxconnect.catalog;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import vn.htxconnect.platform.VietnameseText;

/**
 * Certification schemes buyers filter on, and {@link #OTHER} for any scheme outside the list: kept
 * with its name as written ({@link Certification#label()}), shown and searchable as text, but never a
 * filter, facet or matching condition (nobody can say what an unknown scheme vouches for).
 */
public enum CertificationScheme {
    VIETGAP("VietGAP"),
    GLOBALGAP("GlobalG.A.P.", "GlobalGAP"),
    ORGANIC("Hữu cơ (Organic)"),
    OCOP("OCOP"),
    HACCP("HACCP"),
    ISO22000("ISO 22000"),
    RAINFOREST_ALLIANCE("Rainforest Alliance", "UTZ"),
    FOUR_C("4C"),
    FAIRTRADE("Fairtrade"),
    ASC("ASC"),
    BAP("BAP"),
    MSC("MSC"),
    HALAL("Halal"),
    FSSC22000("FSSC 22000"),
    BRCGS("BRCGS"),
    OTHER("Other");

    private final String displayName;
    private final List<String> aliases;

    CertificationScheme(String displayName, String... aliases) {
        this.displayName = displayName;
        this.aliases = List.of(aliases);
    }

    /** The scheme's usual name, e.g. "VietGAP", "Rainforest Alliance". */
    public String displayName() {
        return displayName;
    }

    /** The display name and other names people search by (a merged scheme's old name, a plain spelling). */
    public List<String> searchNames() {
        return Stream.concat(Stream.of(displayName), aliases.stream()).toList();
    }

    /** True for the schemes on the list; {@link #OTHER} certificates never count as a scheme. */
    public boolean known() {
        return this != OTHER;
    }

    /**
     * Parses a scheme name leniently ("VietGAP", "iso 22000", "ISO_22000", "hữu cơ", "Fair Trade",
     * "UTZ", "BRC"); null when the name is not a known scheme. Never returns {@link #OTHER}: a name
     * outside the list is the caller's to keep as written.
     */
    public static CertificationScheme parse(String raw) {
        if (raw == null) {
            return null;
        }
        String key = VietnameseText.foldedKey(raw).toUpperCase(Locale.ROOT);
        CertificationScheme exact = switch (key) {
            case "VIETGAP" -> VIETGAP;
            case "GLOBALGAP" -> GLOBALGAP;
            // Organic under any standard (EU, USDA, JAS, TCVN 11041) is one scheme to a buyer filtering on it.
            case "ORGANIC", "HUUCO", "JAS", "USDA", "NOP" -> ORGANIC;
            case "OCOP" -> OCOP;
            case "HACCP" -> HACCP;
            case "ISO22000" -> ISO22000;
            // UTZ merged into Rainforest Alliance (2018): its certificates are Rainforest Alliance's now.
            case "RA", "RAINFOREST", "UTZ", "RAUTZ" -> RAINFOREST_ALLIANCE;
            case "4C", "FOURC" -> FOUR_C;
            case "FLO" -> FAIRTRADE;
            case "ASC" -> ASC;
            case "BAP", "BESTAQUACULTUREPRACTICES", "GAABAP" -> BAP;
            case "MSC" -> MSC;
            case "HALAL" -> HALAL;
            case "FSSC" -> FSSC22000;
            case "BRC", "BRCGS" -> BRCGS;
            default -> null;
        };
        return exact != null ? exact : byPrefix(key);
    }

    /** Longer spellings: "Rainforest Alliance Certified", "ISO 22000:2018", "Organic EU", "Hữu cơ TCVN 11041". */
    private static CertificationScheme byPrefix(String key) {
        if (key.startsWith("ORGANIC") || key.endsWith("ORGANIC") || key.startsWith("HUUCO") || key.startsWith("TCVN11041")) {
            return ORGANIC;
        }
        for (String[] p : PREFIXES) {
            if (key.startsWith(p[0])) {
                return valueOf(p[1]);
            }
        }
        return null;
    }

    private static final String[][] PREFIXES = {
            {"VIETGAP", "VIETGAP"}, {"GLOBALGAP", "GLOBALGAP"}, {"ISO22000", "ISO22000"}, {"HACCP", "HACCP"},
            {"RAINFORESTALLIANCE", "RAINFOREST_ALLIANCE"}, {"UTZCERTIFIED", "RAINFOREST_ALLIANCE"},
            {"FAIRTRADE", "FAIRTRADE"}, {"FSSC22000", "FSSC22000"},
            {"BRCGS", "BRCGS"}, {"BRCFOOD", "BRCGS"}, {"OCOP", "OCOP"}, {"ASCCERTIFIED", "ASC"},
            {"MSCCERTIFIED", "MSC"}, {"HALALCERTIFIED", "HALAL"}, {"4CCERTIFIED", "FOUR_C"}};

    /** True when {@code raw} names {@link #OTHER} itself rather than a certificate ("OTHER", "khác"). */
    public static boolean namesOther(String raw) {
        String key = raw == null ? "" : VietnameseText.foldedKey(raw).toUpperCase(Locale.ROOT);
        return key.equals("OTHER") || key.equals("KHAC");
    }
}
