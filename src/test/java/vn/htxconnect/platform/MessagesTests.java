package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Language negotiation and the Vietnamese message table. */
class MessagesTests {

    @Test
    void vietnameseIsTheDefaultAndEnglishIsChosenByAcceptLanguage() {
        assertThat(Messages.languageOf(null)).isEqualTo("vi");
        assertThat(Messages.languageOf("en-US,en;q=0.9")).isEqualTo("en");
        assertThat(Messages.languageOf("vi-VN,vi;q=0.9,en;q=0.8")).isEqualTo("vi");
        assertThat(Messages.languageOf("fr-FR")).isEqualTo("vi");
        assertThat(Messages.languageOf(";;;garbage")).isEqualTo("vi");
    }

    @Test
    void messagesAreTranslatedWithTheirVariablePartsAndUnknownOnesStayEnglish() {
        assertThat(Messages.translate("Unknown province: Atlantis", "vi")).startsWith("Không có tỉnh/thành nào tên \"Atlantis\"");
        assertThat(Messages.translate("VIETGAP certificate expired on 2025-01-01", "vi"))
                .isEqualTo("Chứng nhận VIETGAP đã hết hạn ngày 2025-01-01");
        assertThat(Messages.translate("first must be between 1 and 100 (got 500)", "vi")).isEqualTo("first phải từ 1 đến 100 (nhận được 500)");
        assertThat(Messages.translate("Unknown province: Atlantis", "en")).isEqualTo("Unknown province: Atlantis");
        assertThat(Messages.translate("Something new", "vi")).isEqualTo("Something new");
    }
}
