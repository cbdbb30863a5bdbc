package vn.htxconnect.region;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@link ProvinceService#resolveWithLegacy(String)}: the current unit, and the
 * pre-2025 province the input named if it was an old name or old code.
 *
 * @param province the current unit
 * @param matchedLegacy the old province the input referred to, or {@code null} when the input was a
 *     current code, slug, name or an informal alias of the current unit
 */
public record ResolvedProvince(Province province, @Nullable LegacyProvince matchedLegacy) {

    public ResolvedProvince {
        Objects.requireNonNull(province, "province");
    }

    /** Whether the input named a pre-2025 province rather than the current unit. */
    public boolean isLegacy() {
        return matchedLegacy != null;
    }
}
