package vn.htxconnect.inquiry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

class InquiryTextTests {

    @Test
    void bodiesAreNfcWithoutHiddenControlsAndKeepTheirLines() {
        ValidationErrors errors = new ValidationErrors();
        String decomposed = Normalizer.normalize("Cà phê\r\nĐắk Lắk\u202E\u0007", Normalizer.Form.NFD);
        assertThat(InquiryText.body(errors, "body", decomposed)).isEqualTo("Cà phê\nĐắk Lắk");
        assertThat(InquiryText.body(errors, "body", "👩\u200D🌾 nông dân")).isEqualTo("👩\u200D🌾 nông dân");
        assertThat(errors.hasErrors()).isFalse();
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        ValidationErrors errors = new ValidationErrors();
        assertThat(InquiryText.body(errors, "body", "🌾".repeat(4000))).hasSize(8000);
        assertThat(errors.hasErrors()).isFalse();
        assertThat(InquiryText.body(errors, "body", "a".repeat(4001))).isNull();
        assertThat(InquiryText.subject(errors, "subject", " \u200B\n ")).isNull();
        assertThat(errors.list()).extracting(e -> e.code()).containsExactly(UserErrorCode.TOO_LONG, UserErrorCode.REQUIRED);
    }

    @Test
    void subjectsAreOneLineAndPreviewsCutAtCharacters() {
        assertThat(InquiryText.subject(new ValidationErrors(), "subject", "  Hỏi   giá\n\tcà phê ")).isEqualTo("Hỏi giá cà phê");
        String preview = InquiryText.preview("🌾".repeat(300));
        assertThat(preview.codePointCount(0, preview.length())).isEqualTo(200);
        assertThat(preview).endsWith("🌾…");
        assertThat(InquiryText.preview("ngắn")).isEqualTo("ngắn");
    }
}
