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

    String number;
    String issuer;
    Integer ocopStars;
    LocalDate validFrom;
    LocalDate validTo;

    static CertificationEmbeddable of(Certification c) {
        CertificationEmbeddable e = new CertificationEmbeddable();
        e.scheme = c.scheme();
        e.number = c.number();
        e.issuer = c.issuer();
        e.ocopStars = c.ocopStars();
        e.validFrom = c.validFrom();
        e.validTo = c.validTo();
        return e;
    }

    Certification toView() {
        return new Certification(scheme, number, issuer, ocopStars, validFrom, validTo);
    }
}
