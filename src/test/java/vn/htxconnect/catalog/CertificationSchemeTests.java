package vn.htxconnect.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Scheme names as sellers write them, and what an OTHER certificate is. */
class CertificationSchemeTests {

    @Test
    void usualSpellingsParseToTheirScheme() {
        assertThat(CertificationScheme.parse("Rainforest Alliance")).isEqualTo(CertificationScheme.RAINFOREST_ALLIANCE);
        assertThat(CertificationScheme.parse("RA")).isEqualTo(CertificationScheme.RAINFOREST_ALLIANCE);
        assertThat(CertificationScheme.parse("UTZ")).isEqualTo(CertificationScheme.RAINFOREST_ALLIANCE);
        assertThat(CertificationScheme.parse("UTZ Certified")).isEqualTo(CertificationScheme.RAINFOREST_ALLIANCE);
        assertThat(CertificationScheme.parse("Rainforest Alliance Certified")).isEqualTo(CertificationScheme.RAINFOREST_ALLIANCE);
        assertThat(CertificationScheme.parse("4C")).isEqualTo(CertificationScheme.FOUR_C);
        assertThat(CertificationScheme.parse("Fair Trade")).isEqualTo(CertificationScheme.FAIRTRADE);
        assertThat(CertificationScheme.parse("FAIRTRADE")).isEqualTo(CertificationScheme.FAIRTRADE);
        assertThat(CertificationScheme.parse("asc")).isEqualTo(CertificationScheme.ASC);
        assertThat(CertificationScheme.parse("BAP")).isEqualTo(CertificationScheme.BAP);
        assertThat(CertificationScheme.parse("MSC")).isEqualTo(CertificationScheme.MSC);
        assertThat(CertificationScheme.parse("Halal")).isEqualTo(CertificationScheme.HALAL);
        assertThat(CertificationScheme.parse("FSSC22000")).isEqualTo(CertificationScheme.FSSC22000);
        assertThat(CertificationScheme.parse("FSSC 22000")).isEqualTo(CertificationScheme.FSSC22000);
        assertThat(CertificationScheme.parse("BRC")).isEqualTo(CertificationScheme.BRCGS);
        assertThat(CertificationScheme.parse("BRCGS")).isEqualTo(CertificationScheme.BRCGS);
        assertThat(CertificationScheme.parse("iso 22000:2018")).isEqualTo(CertificationScheme.ISO22000);
        assertThat(CertificationScheme.parse("Global G.A.P.")).isEqualTo(CertificationScheme.GLOBALGAP);
        assertThat(CertificationScheme.parse("OCOP 4 sao")).isEqualTo(CertificationScheme.OCOP);
    }

    @Test
    void organicUnderAnyStandardStaysOrganic() {
        for (String s : new String[] {"Organic", "hữu cơ", "Hữu cơ TCVN 11041", "TCVN 11041-2:2017", "EU Organic",
                "Organic EU", "USDA Organic", "JAS", "JAS Organic"}) {
            assertThat(CertificationScheme.parse(s)).as(s).isEqualTo(CertificationScheme.ORGANIC);
        }
    }

    @Test
    void everySchemeOnTheListParsesFromItsOwnNameAndOtherNeverDoes() {
        Arrays.stream(CertificationScheme.values()).filter(CertificationScheme::known).forEach(s -> {
            assertThat(CertificationScheme.parse(s.name())).as(s.name()).isEqualTo(s);
            assertThat(CertificationScheme.parse(s.displayName())).as(s.displayName()).isEqualTo(s);
        });
        assertThat(CertificationScheme.parse("OTHER")).isNull();
        assertThat(CertificationScheme.namesOther("Other")).isTrue();
        assertThat(CertificationScheme.namesOther("khác")).isTrue();
        assertThat(CertificationScheme.parse("Chứng nhận Xanh Sạch")).isNull();
        assertThat(CertificationScheme.parse("Fair for Life")).isNull();
    }

    @Test
    void anOtherCertificateKeepsItsLabelAndNeverCounts() {
        LocalDate today = LocalDate.now();
        Certification other = new Certification(CertificationScheme.OTHER, "Chứng nhận Xanh Sạch", null, null, null, null,
                today.plusYears(1));
        assertThat(other.label()).isEqualTo("Chứng nhận Xanh Sạch");
        assertThat(other.valid()).isTrue();
        assertThat(other.scheme().known()).isFalse();
        Certification vietGap = new Certification(CertificationScheme.VIETGAP, "VG-1", null, null, null, today.minusDays(1));
        assertThat(vietGap.label()).isEqualTo("VietGAP");
        assertThat(vietGap.expiredOn(today)).isTrue();
        assertThat(vietGap.valid()).isFalse();
    }
}
