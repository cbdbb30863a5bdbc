package vn.htxconnect.notification.internal;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.htxconnect.notification.NotificationKind;

/**
 * Every notification text, per kind and language, in one table. {@code {name}} stands for a
 * parameter; {@code {score}} is a number in [0, 1] written with the language's decimal mark.
 * Parameters are inserted as they are (names typed by users): clients show them as text.
 */
final class NotificationTemplates {

    /** A kind's title and message in English and Vietnamese. */
    record Template(String titleEn, String messageEn, String titleVi, String messageVi) {
    }

    static final Map<NotificationKind, Template> TEMPLATES = new EnumMap<>(Map.ofEntries(
            Map.entry(NotificationKind.QUOTE_RECEIVED, new Template(
                    "New quote on your sourcing request",
                    "{supplier} quoted {price} VND per {unit} on your request «{request}»",
                    "Có báo giá mới cho yêu cầu mua của bạn",
                    "{supplier} báo giá {price} đ/{unit} cho yêu cầu «{request}»")),
            Map.entry(NotificationKind.QUOTE_ACCEPTED, new Template(
                    "Your quote was accepted",
                    "{buyer} accepted your quote on «{request}»; confirm the proposed supply linkage to start supplying",
                    "Báo giá của bạn đã được chấp nhận",
                    "{buyer} đã chấp nhận báo giá cho yêu cầu «{request}»; hãy xác nhận liên kết cung ứng để bắt đầu")),
            Map.entry(NotificationKind.QUOTE_DECLINED, new Template(
                    "Your quote was declined",
                    "Your quote on «{request}» was declined. {reason}",
                    "Báo giá của bạn bị từ chối",
                    "Báo giá cho yêu cầu «{request}» bị từ chối. {reason}")),
            Map.entry(NotificationKind.LINKAGE_PROPOSED, new Template(
                    "Supply linkage proposed",
                    "{proposer} proposed a supply linkage {supplier} → {customer} for {subject}; confirm or reject it",
                    "Có đề xuất liên kết cung ứng",
                    "{proposer} đề xuất liên kết cung ứng {supplier} → {customer} cho {subject}; hãy xác nhận hoặc từ chối")),
            Map.entry(NotificationKind.LINKAGE_ACTIVE, new Template(
                    "Supply linkage active",
                    "The supply linkage {supplier} → {customer} for {subject} is active",
                    "Liên kết cung ứng đã có hiệu lực",
                    "Liên kết cung ứng {supplier} → {customer} cho {subject} đã có hiệu lực")),
            Map.entry(NotificationKind.MATCH_FOR_REQUEST, new Template(
                    "A product matches your sourcing request",
                    "The product «{product}» of {supplier} matches your request «{request}» (score {score})",
                    "Có sản phẩm phù hợp yêu cầu mua của bạn",
                    "Sản phẩm «{product}» của {supplier} phù hợp yêu cầu «{request}» (điểm {score})")),
            Map.entry(NotificationKind.MATCHES_FOR_REQUEST, new Template(
                    "{count} new products match your sourcing request",
                    "{count} new products match your request «{request}»; best: «{product}» of {supplier} (score {score})",
                    "Có {count} sản phẩm mới phù hợp yêu cầu mua của bạn",
                    "{count} sản phẩm mới phù hợp yêu cầu «{request}»; phù hợp nhất: «{product}» của {supplier} (điểm {score})")),
            Map.entry(NotificationKind.LEAD_FOR_PRODUCT, new Template(
                    "A sourcing request matches your product",
                    "The sourcing request «{request}» matches your product «{product}» (score {score})",
                    "Có yêu cầu mua phù hợp sản phẩm của bạn",
                    "Yêu cầu «{request}» phù hợp sản phẩm «{product}» của bạn (điểm {score})")),
            Map.entry(NotificationKind.LEADS_FOR_PRODUCTS, new Template(
                    "{count} new sourcing requests match your products",
                    "{count} new sourcing requests match your products; best: «{request}» for «{product}» (score {score})",
                    "Có {count} yêu cầu mua mới phù hợp sản phẩm của bạn",
                    "{count} yêu cầu mua mới phù hợp sản phẩm của bạn; phù hợp nhất: «{request}» cho «{product}» (điểm {score})"))));

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private NotificationTemplates() {
    }

    static String title(NotificationKind kind, Map<String, String> params, String language) {
        Template t = TEMPLATES.get(kind);
        return render("en".equals(language) ? t.titleEn() : t.titleVi(), params, language);
    }

    static String message(NotificationKind kind, Map<String, String> params, String language) {
        Template t = TEMPLATES.get(kind);
        return render("en".equals(language) ? t.messageEn() : t.messageVi(), params, language);
    }

    static String render(String template, Map<String, String> params, String language) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = params.getOrDefault(name, "");
            if (name.equals("score")) {
                value = score(value, language);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String score(String value, String language) {
        try {
            return String.format("en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("vi"), "%.2f",
                    Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
