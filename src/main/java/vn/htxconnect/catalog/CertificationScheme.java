package vn.htxconnect.catalog;

/** Certification schemes buyers filter on. */
public enum CertificationScheme {
    VIETGAP, GLOBALGAP, ORGANIC, OCOP, HACCP, ISO22000;

    /** Parses a scheme name leniently: "VietGAP", "iso 22000", "ISO_22000", "hữu cơ". */
    public static CertificationScheme parse(String raw) {
        if (raw == null) {
            return null;
        }
        String key = vn.htxconnect.platform.VietnameseText.foldedKey(raw).toUpperCase(java.util.Locale.ROOT);
        return switch (key) {
            case "VIETGAP" -> VIETGAP;
            case "GLOBALGAP", "GLOBALG.A.P" -> GLOBALGAP;
            case "ORGANIC", "HUUCO", "TCVN11041" -> ORGANIC;
            case "OCOP" -> OCOP;
            case "HACCP" -> HACCP;
            case "ISO22000" -> ISO22000;
            default -> null;
        };
    }
}
