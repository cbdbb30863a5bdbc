package vn.htxconnect.region;

/**
 * The eight geographic-economic regions (vùng) used for grouping and statistics. Merged units
 * that straddle two regions are placed where most of their area lies or their seat sits.
 */
public enum EconomicRegion {
    /** Tây Bắc Bộ. */
    NORTHWEST,
    /** Đông Bắc Bộ. */
    NORTHEAST,
    /** Đồng bằng sông Hồng. */
    RED_RIVER_DELTA,
    /** Bắc Trung Bộ. */
    NORTH_CENTRAL,
    /** Duyên hải Nam Trung Bộ. */
    SOUTH_CENTRAL_COAST,
    /** Tây Nguyên. */
    CENTRAL_HIGHLANDS,
    /** Đông Nam Bộ. */
    SOUTHEAST,
    /** Đồng bằng sông Cửu Long. */
    MEKONG_DELTA
}
