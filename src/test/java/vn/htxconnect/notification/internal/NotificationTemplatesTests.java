package vn.htxconnect.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.htxconnect.notification.NotificationKind;

/** The template table: complete, rendered in the reader's language, values inserted as they are. */
class NotificationTemplatesTests {

    @Test
    void everyKindHasATitleAndAMessageThatNameOnlyKnownParameters() {
        // Which keys exist in both languages with the same placeholders is MessageKeysTests' to check.
        for (NotificationKind kind : NotificationKind.values()) {
            NotificationTemplates.Template t = NotificationTemplates.TEMPLATES.get(kind);
            assertThat(t).as(kind.name()).isNotNull();
            for (String language : new String[] {"en", "vi"}) {
                Map<String, String> params = NotificationTemplates.PARAMETERS.stream()
                        .collect(Collectors.toMap(name -> name, name -> "<" + name + ">"));
                String text = NotificationTemplates.message(kind, params, language)
                        + NotificationTemplates.title(kind, params, language);
                assertThat(text).as(kind + " " + language).isNotBlank().doesNotContain("{", "}");
            }
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
