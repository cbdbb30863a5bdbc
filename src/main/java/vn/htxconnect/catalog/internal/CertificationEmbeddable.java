package vn.htxconnect.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** The columns {@link #fromRow} reads. */
    static final String COLUMNS = "scheme, label, number, issuer, ocop_stars, valid_from, valid_to";

    /** A certificate row read with plain SQL ({@link #COLUMNS}). */
    static CertificationEmbeddable fromRow(ResultSet rs) throws SQLException {
        CertificationEmbeddable e = new CertificationEmbeddable();
        e.scheme = CertificationScheme.valueOf(rs.getString("scheme"));
        e.label = rs.getString("label");
        e.number = rs.getString("number");
        e.issuer = rs.getString("issuer");
        e.ocopStars = rs.getObject("ocop_stars", Integer.class);
        e.validFrom = rs.getObject("valid_from", LocalDate.class);
        e.validTo = rs.getObject("valid_to", LocalDate.class);
        return e;
    }

    Certification toView() {
        return new Certification(scheme, label, number, issuer, ocopStars, validFrom, validTo);
    }
}
