package vn.htxconnect.catalog;

import java.time.LocalDate;

/**
 * A product certificate; an expired one is kept as history but never counts, and neither does one
 * of an {@link CertificationScheme#OTHER} scheme (it is shown and searchable as text only).
 *
 * @param label the scheme's display name, or for {@code OTHER} the scheme's name as the seller wrote it
 */
public record Certification(CertificationScheme scheme, String label, String number, String issuer, Integer ocopStars,
                            LocalDate validFrom, LocalDate validTo) {

    public Certification {
        if (label == null || label.isBlank()) {
            label = scheme.displayName();
        }
    }

    /** A certificate of a known scheme, labelled with the scheme's display name. */
    public Certification(CertificationScheme scheme, String number, String issuer, Integer ocopStars,
                         LocalDate validFrom, LocalDate validTo) {
        this(scheme, null, number, issuer, ocopStars, validFrom, validTo);
    }

    /** Valid on {@code day}: started (or no start given) and not expired (or no expiry given). */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }

    /** Valid today. */
    public boolean valid() {
        return validOn(LocalDate.now());
    }

    /** Expired before {@code day} (a certificate not yet started is not expired). */
    public boolean expiredOn(LocalDate day) {
        return validTo != null && validTo.isBefore(day);
    }
}
