package vn.htxconnect.catalog;

import java.time.LocalDate;

/** A certificate as given in a mutation or a CSV row. */
public record CertificationInput(String scheme, String number, String issuer, Integer ocopStars,
                                 LocalDate validFrom, LocalDate validTo) {
}
