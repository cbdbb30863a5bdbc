package vn.htxconnect.catalog.internal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import vn.htxconnect.catalog.Certification;
import vn.htxconnect.catalog.CertificationScheme;

@Embeddable
class CertificationEmbeddable {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    CertificationScheme scheme;

    /** The scheme's name as written, kept only for OTHER (known schemes take their display name). */
    String label;

    String number;
    String issuer;
    Integer ocopStars;
    LocalDate validFrom;
    LocalDate validTo;

    static CertificationEmbeddable of(Certification c) {
        CertificationEmbeddable e = new CertificationEmbeddable();
        e.scheme = c.scheme();
        e.label = c.scheme().known() ? null : c.label();
        e.number = c.number();
        e.issuer = c.issuer();
        e.ocopStars = c.ocopStars();
        e.validFrom = c.validFrom();
        e.validTo = c.validTo();
        return e;
    }

    Certification toView() {
        return new Certification(scheme, label, number, issuer, ocopStars, validFrom, validTo);
    }
}
