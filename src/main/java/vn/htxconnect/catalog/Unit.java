package vn.htxconnect.catalog;

import java.util.Arrays;
import java.util.Optional;

import vn.htxconnect.platform.VietnameseText;

/**
 * Units products are sold in. Mass and volume units convert to kilograms or litres, so demand in
 * tấn can be compared with capacity in kg; count units (thùng, hộp…) convert only to themselves.
 */
public enum Unit {
    G("g", Dimension.MASS, 0.001), KG("kg", Dimension.MASS, 1), YEN("yến", Dimension.MASS, 10),
    TA("tạ", Dimension.MASS, 100), TAN("tấn", Dimension.MASS, 1000),
    ML("ml", Dimension.VOLUME, 0.001), LIT("lít", Dimension.VOLUME, 1),
    THUNG("thùng", Dimension.COUNT, 1), HOP("hộp", Dimension.COUNT, 1), CHAI("chai", Dimension.COUNT, 1),
    QUA("quả", Dimension.COUNT, 1), BO("bó", Dimension.COUNT, 1), CAI("cái", Dimension.COUNT, 1),
    GOI("gói", Dimension.COUNT, 1), TUI("túi", Dimension.COUNT, 1), BAO("bao", Dimension.COUNT, 1),
    CON("con", Dimension.COUNT, 1), CHUC("chục", Dimension.COUNT, 10), KHAY("khay", Dimension.COUNT, 1),
    HU("hũ", Dimension.COUNT, 1), LO("lọ", Dimension.COUNT, 1), CAY("cây", Dimension.COUNT, 1),
    BICH("bịch", Dimension.COUNT, 1), BO_SET("bộ", Dimension.COUNT, 1);

    /** What a unit measures. */
    public enum Dimension { MASS, VOLUME, COUNT }

    private final String label;
    private final Dimension dimension;
    private final double baseFactor;

    Unit(String label, Dimension dimension, double baseFactor) {
        this.label = label;
        this.dimension = dimension;
        this.baseFactor = baseFactor;
    }

    /** Vietnamese label, e.g. "tấn". */
    public String label() {
        return label;
    }

    public Dimension dimension() {
        return dimension;
    }

    /**
     * Parses a code or label with or without tone marks ("tan", "tấn", "TAN", "kg", "lit", "litre").
     * "bo" alone means bó (bunch); the set is "bộ" with its tone mark or the code BO_SET.
     */
    public static Optional<Unit> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = VietnameseText.normalize(raw);
        for (Unit u : values()) {
            if (u.label.equals(s) || u.name().equalsIgnoreCase(s)) {
                return Optional.of(u);
            }
        }
        String folded = VietnameseText.fold(raw);
        return switch (folded) {
            case "kilogram", "kilo", "kgs" -> Optional.of(KG);
            case "ton", "tonne", "tons" -> Optional.of(TAN);
            case "liter", "litre", "l" -> Optional.of(LIT);
            case "gram" -> Optional.of(G);
            default -> Arrays.stream(values())
                    .filter(u -> VietnameseText.fold(u.label).equals(folded) && u != BO_SET)
                    .findFirst();
        };
    }

    /** Converts a quantity into {@code target}, or empty when the dimensions differ. */
    public Optional<Double> convert(double quantity, Unit target) {
        if (this == target) {
            return Optional.of(quantity);
        }
        if (dimension == Dimension.COUNT || dimension != target.dimension) {
            return Optional.empty();
        }
        return Optional.of(quantity * baseFactor / target.baseFactor);
    }
}
