/**
 * Region: the 34 province-level units (đơn vị hành chính cấp tỉnh) in force since 1 July 2025
 * (Resolution 202/2025/QH15), the 63 pre-merge provinces they absorbed, and approximate
 * centroids. Cooperatives, products and buyers store the current unit's code; other modules ask
 * {@link vn.htxconnect.region.ProvinceService} to turn whatever a person typed or a label
 * printed (an old province name, an unaccented spelling, "TP HCM") into that unit, and to list the
 * old names that search must still find.
 */
@org.jspecify.annotations.NullMarked
package vn.htxconnect.region;
