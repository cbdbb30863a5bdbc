package vn.htxconnect.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;

/** Language negotiation and rendering by key in both languages. */
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
    void messagesRenderWithTheirArgumentsInEitherLanguage() {
        Message province = Message.of("region.province.unknownNamed", "Atlantis");
        assertThat(Messages.render(province, "vi")).startsWith("Không có tỉnh/thành nào tên \"Atlantis\"");
        assertThat(Messages.render(province, "en")).isEqualTo("Unknown province: Atlantis");
        assertThat(Messages.render(Message.of("catalog.certification.expired", "VIETGAP", LocalDate.of(2025, 1, 1)), "vi"))
                .isEqualTo("Chứng nhận VIETGAP đã hết hạn ngày 2025-01-01; được giữ làm lịch sử, không được tính khi tìm kiếm, "
                        + "lọc và ghép nối cung cầu");
        assertThat(Messages.render(Message.of("paging.first.range", 100, 500), "vi")).isEqualTo("first phải từ 1 đến 100 (nhận được 500)");
        // Numbers are inserted as written, never grouped by the language's format.
        assertThat(Messages.render(Message.of("catalog.import.tooManyRows", 100000, Message.of("catalog.import.hint.split", 5000)), "en"))
                .isEqualTo("The file has more than 100000 product rows; split it into files of at most 5000 rows");
        assertThat(Messages.render(Message.of("catalog.import.tooManyRows", 100000, Message.of("catalog.import.hint.split", 5000)), "vi"))
                .isEqualTo("Tệp có hơn 100000 dòng sản phẩm; hãy chia thành các tệp tối đa 5000 dòng");
        // Apostrophes written '' in the bundles come out single; quotes around arguments survive.
        assertThat(Messages.render(Message.of("catalog.import.ocopStars", "6"), "en")).isEqualTo("ocop_stars must be a number of stars, 3 to 5; got '6'");
    }

    @Test
    void aKeyMissingFromTheBundlesFailsInsteadOfShowingSomethingElse() {
        assertThatThrownBy(() -> Messages.render(Message.of("no.such.key"), "vi")).isInstanceOf(NoSuchMessageException.class);
        assertThatThrownBy(() -> Message.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTextThatIsNotOursIsShownAsWrittenInBothLanguages() {
        Message foreign = Message.of("error.asWritten", "Field 'x' {0} isn't known");
        assertThat(Messages.render(foreign, "vi")).isEqualTo("Field 'x' {0} isn't known");
        assertThat(Messages.render(foreign, "en")).isEqualTo("Field 'x' {0} isn't known");
    }
}
