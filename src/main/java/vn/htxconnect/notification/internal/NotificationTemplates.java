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

    static final Map<NotificationKind, Template> TEMPLATES = new EnumMap<>(Map.of(
            NotificationKind.MATCH_FOR_REQUEST, new Template(
                    "A product matches your sourcing request",
                    "The product «{product}» of {supplier} matches your request «{request}» (score {score})",
                    "Có sản phẩm phù hợp yêu cầu mua của bạn",
                    "Sản phẩm «{product}» của {supplier} phù hợp yêu cầu «{request}» (điểm {score})"),
            NotificationKind.MATCHES_FOR_REQUEST, new Template(
                    "{count} new products match your sourcing request",
                    "{count} new products match your request «{request}»; best: «{product}» of {supplier} (score {score})",
                    "Có {count} sản phẩm mới phù hợp yêu cầu mua của bạn",
                    "{count} sản phẩm mới phù hợp yêu cầu «{request}»; phù hợp nhất: «{product}» của {supplier} (điểm {score})"),
            NotificationKind.LEAD_FOR_PRODUCT, new Template(
                    "A sourcing request matches your product",
                    "The sourcing request «{request}» matches your product «{product}» (score {score})",
                    "Có yêu cầu mua phù hợp sản phẩm của bạn",
                    "Yêu cầu «{request}» phù hợp sản phẩm «{product}» của bạn (điểm {score})"),
            NotificationKind.LEADS_FOR_PRODUCTS, new Template(
                    "{count} new sourcing requests match your products",
                    "{count} new sourcing requests match your products; best: «{request}» for «{product}» (score {score})",
                    "Có {count} yêu cầu mua mới phù hợp sản phẩm của bạn",
                    "{count} yêu cầu mua mới phù hợp sản phẩm của bạn; phù hợp nhất: «{request}» cho «{product}» (điểm {score})")));

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
