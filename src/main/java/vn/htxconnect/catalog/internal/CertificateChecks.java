package vn.htxconnect.catalog.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.htxconnect.catalog.CertificationInput;
import vn.htxconnect.catalog.CertificationScheme;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.platform.VietnameseText;

/** The certificate rules of a product input, for the mutations and every CSV row alike. */
final class CertificateChecks {

    private CertificateChecks() {
    }

    /** Longest name of an OTHER scheme kept as written (the column's width). */
    static final int MAX_LABEL = 100;

    /**
     * Certificates as given. A malformed one (no scheme, end before start, longer than its scheme
     * allows, OCOP stars out of range) is an error. An expired one is kept as history with a warning:
     * the listing is still a real product, only the certificate stops counting. A scheme outside the
     * list is kept as OTHER with its name as written, also with a warning.
     */
    static List<CertificationEmbeddable> check(List<CertificationInput> inputs, ValidationErrors errors) {
        List<CertificationEmbeddable> out = new ArrayList<>();
        LocalDate today = LocalDate.now();
        if (inputs.size() > 20) {
            errors.add("certifications", UserErrorCode.OUT_OF_RANGE, Message.of("catalog.certifications.tooMany", 20));
            return out;
        }
        for (int i = 0; i < inputs.size(); i++) {
            CertificationInput c = inputs.get(i);
            String f = "certifications[" + i + "]";
            // Kept as written (an OTHER scheme's label), only NFC-composed with its spaces tidied.
            String raw = c.scheme() == null ? "" : VietnameseText.nfc(c.scheme()).strip().replaceAll("\\s+", " ");
            if (raw.isBlank()) {
                errors.add(f + ".scheme", UserErrorCode.REQUIRED, Message.of("catalog.certification.schemeRequired"));
                continue;
            }
            if (CertificationScheme.namesOther(raw)) {
                errors.add(f + ".scheme", UserErrorCode.INVALID,
                        Message.of("catalog.certification.otherName", clip(raw)));
                continue;
            }
            CertificationScheme scheme = CertificationScheme.parse(raw);
            String label = null;
            if (scheme == null) {
                scheme = CertificationScheme.OTHER;
                label = raw;
                if (label.length() > MAX_LABEL) {
                    errors.add(f + ".scheme", UserErrorCode.TOO_LONG,
                            Message.of("catalog.certification.nameTooLong", MAX_LABEL));
                } else {
                    errors.warn(f + ".scheme", UserErrorCode.UNKNOWN_CERTIFICATION_SCHEME, 
                            Message.of("catalog.certification.notListed", clip(raw)));
                }
            }
            String name = label == null ? scheme.name() : clip(label);
            if (scheme == CertificationScheme.OCOP && (c.ocopStars() == null || c.ocopStars() < 3 || c.ocopStars() > 5)) {
                errors.add(f + ".ocopStars", UserErrorCode.OUT_OF_RANGE,
                        Message.of("catalog.certification.ocopStars"));
            }
            if (scheme != CertificationScheme.OCOP && c.ocopStars() != null) {
                errors.add(f + ".ocopStars", UserErrorCode.INVALID, Message.of("catalog.certification.ocopStarsOnlyOcop"));
            }
            if (c.validFrom() != null && c.validTo() != null && c.validTo().isBefore(c.validFrom())) {
                errors.add(f + ".validTo", UserErrorCode.OUT_OF_RANGE,
                        Message.of("catalog.certification.validToBeforeFrom"));
            } else if (c.validFrom() != null && c.validTo() != null
                    && c.validTo().isAfter(c.validFrom().plusMonths(maxMonths(scheme)))) {
                errors.add(f + ".validTo", UserErrorCode.OUT_OF_RANGE,
                        Message.of("catalog.certification.tooLongValid", name, maxMonths(scheme)));
            } else if (c.validTo() != null && c.validTo().isBefore(today)) {
                errors.warn(f + ".validTo", UserErrorCode.CERTIFICATE_EXPIRED, 
                        Message.of("catalog.certification.expired", name, c.validTo()));
            }
            if (c.number() != null && c.number().length() > 64) {
                errors.add(f + ".number", UserErrorCode.TOO_LONG, Message.of("catalog.certification.numberTooLong", 64));
            }
            if (c.issuer() != null && c.issuer().length() > 255) {
                errors.add(f + ".issuer", UserErrorCode.TOO_LONG, Message.of("catalog.certification.issuerTooLong", 255));
            }
            CertificationEmbeddable e = new CertificationEmbeddable();
            e.scheme = scheme;
            e.label = label;
            e.number = blankToNull(c.number());
            e.issuer = blankToNull(c.issuer());
            e.ocopStars = c.ocopStars();
            e.validFrom = c.validFrom();
            e.validTo = c.validTo();
            out.add(e);
        }
        return out;
    }

    /** Longest validity a scheme grants: VietGAP 2 years, OCOP 36 months, others taken as 10 years. */
    private static int maxMonths(CertificationScheme scheme) {
        return scheme == CertificationScheme.VIETGAP ? 24 : scheme == CertificationScheme.OCOP ? 36 : 120;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
