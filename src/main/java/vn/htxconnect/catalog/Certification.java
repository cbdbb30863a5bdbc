package vn.htxconnect.catalog;

import java.time.LocalDate;

/** A product certificate; an expired one is kept for the record but never counts. */
public record Certification(CertificationScheme scheme, String number, String issuer, Integer ocopStars,
                            LocalDate validFrom, LocalDate validTo) {

    /** Valid on {@code day}: started (or no start given) and not expired (or no expiry given). */
    public boolean validOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }

    /** Valid today. */
    public boolean valid() {
        return validOn(LocalDate.now());
    }
}
