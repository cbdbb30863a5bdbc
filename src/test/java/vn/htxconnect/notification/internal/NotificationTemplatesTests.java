package vn.htxconnect.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.htxconnect.notification.NotificationKind;

/** The template table: complete, the same parameters in both languages, values inserted as they are. */
class NotificationTemplatesTests {

    private static Set<String> placeholders(String template) {
        Matcher m = NotificationTemplates.PLACEHOLDER.matcher(template);
        return m.results().map(r -> r.group(1)).collect(Collectors.toSet());
    }

    @Test
    void everyKindHasBothLanguagesWithTheSameParameters() {
        for (NotificationKind kind : NotificationKind.values()) {
            NotificationTemplates.Template t = NotificationTemplates.TEMPLATES.get(kind);
            assertThat(t).as(kind.name()).isNotNull();
            assertThat(placeholders(t.messageVi())).as(kind + " message").isEqualTo(placeholders(t.messageEn()));
            assertThat(placeholders(t.titleVi())).as(kind + " title").isEqualTo(placeholders(t.titleEn()));
        }
    }

    @Test
    void rendersInTheReadersLanguageWithItsDecimalMark() {
        Map<String, String> params = Map.of("request", "Bưởi $1 \\ «da xanh»", "product", "Bưởi Năm Roi", "score", "0.8");
        assertThat(NotificationTemplates.message(NotificationKind.LEAD_FOR_PRODUCT, params, "vi"))
                .isEqualTo("Yêu cầu «Bưởi $1 \\ «da xanh»» phù hợp sản phẩm «Bưởi Năm Roi» của bạn (điểm 0,80)");
        assertThat(NotificationTemplates.message(NotificationKind.LEAD_FOR_PRODUCT, params, "en"))
                .isEqualTo("The sourcing request «Bưởi $1 \\ «da xanh»» matches your product «Bưởi Năm Roi» (score 0.80)");
        assertThat(NotificationTemplates.title(NotificationKind.MATCHES_FOR_REQUEST, Map.of("count", "3"), "vi"))
                .isEqualTo("Có 3 sản phẩm mới phù hợp yêu cầu mua của bạn");
    }
}
