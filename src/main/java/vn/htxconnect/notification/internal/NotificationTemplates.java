package vn.htxconnect.notification.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.htxconnect.notification.NotificationKind;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Messages;

/**
 * Every notification kind's title and message, by key, rendered at read time in the reader's
 * language. A notification stores named parameters; they fill the placeholders in the order of
 * {@link #PARAMETERS}; {@code score} is a number in [0, 1] written with the language's decimal mark.
 * Parameters are inserted as they are (names typed by users): clients show them as text.
 */
final class NotificationTemplates {

    /** A kind's title and message, by key (the texts are in {@code i18n/messages_*.properties}). */
    record Template(Message title, Message message) {
    }

    /** The parameters a notification may carry, in the order of the bundles' placeholders {0}, {1}…. */
    static final List<String> PARAMETERS = List.of("supplier", "price", "unit", "request", "buyer", "reason",
            "proposer", "customer", "subject", "product", "score", "count", "sender");

    static final Map<NotificationKind, Template> TEMPLATES = new EnumMap<>(Map.ofEntries(
            Map.entry(NotificationKind.QUOTE_RECEIVED, new Template(Message.of("notification.quoteReceived.title"),
                    Message.of("notification.quoteReceived.message"))),
            Map.entry(NotificationKind.QUOTE_ACCEPTED, new Template(Message.of("notification.quoteAccepted.title"),
                    Message.of("notification.quoteAccepted.message"))),
            Map.entry(NotificationKind.QUOTE_DECLINED, new Template(Message.of("notification.quoteDeclined.title"),
                    Message.of("notification.quoteDeclined.message"))),
            Map.entry(NotificationKind.LINKAGE_PROPOSED, new Template(Message.of("notification.linkageProposed.title"),
                    Message.of("notification.linkageProposed.message"))),
            Map.entry(NotificationKind.LINKAGE_ACTIVE, new Template(Message.of("notification.linkageActive.title"),
                    Message.of("notification.linkageActive.message"))),
            Map.entry(NotificationKind.MATCH_FOR_REQUEST, new Template(Message.of("notification.matchForRequest.title"),
                    Message.of("notification.matchForRequest.message"))),
            Map.entry(NotificationKind.MATCHES_FOR_REQUEST, new Template(Message.of("notification.matchesForRequest.title"),
                    Message.of("notification.matchesForRequest.message"))),
            Map.entry(NotificationKind.LEAD_FOR_PRODUCT, new Template(Message.of("notification.leadForProduct.title"),
                    Message.of("notification.leadForProduct.message"))),
            Map.entry(NotificationKind.LEADS_FOR_PRODUCTS, new Template(Message.of("notification.leadsForProducts.title"),
                    Message.of("notification.leadsForProducts.message"))),
            // Support applications: the keys live in the support block of the bundles (the support module's texts).
            Map.entry(NotificationKind.SUPPORT_APPLICATION_RECEIVED, new Template(Message.of("support.notification.received.title"),
                    Message.of("support.notification.received.message"))),
            Map.entry(NotificationKind.SUPPORT_INFO_REQUESTED, new Template(Message.of("support.notification.infoRequested.title"),
                    Message.of("support.notification.infoRequested.message"))),
            Map.entry(NotificationKind.SUPPORT_APPLICATION_APPROVED, new Template(Message.of("support.notification.approved.title"),
                    Message.of("support.notification.approved.message"))),
            Map.entry(NotificationKind.SUPPORT_APPLICATION_REJECTED, new Template(Message.of("support.notification.rejected.title"),
                    Message.of("support.notification.rejected.message"))),
            Map.entry(NotificationKind.SUPPORT_DISBURSED, new Template(Message.of("support.notification.disbursed.title"),
                    Message.of("support.notification.disbursed.message"))),
            Map.entry(NotificationKind.SUPPORT_REPAYMENT_RECORDED, new Template(Message.of("support.notification.repaid.title"),
                    Message.of("support.notification.repaid.message"))),
            Map.entry(NotificationKind.INQUIRY_RECEIVED, new Template(Message.of("notification.inquiryReceived.title"),
                    Message.of("notification.inquiryReceived.message"))),
            Map.entry(NotificationKind.MESSAGE_RECEIVED, new Template(Message.of("notification.messageReceived.title"),
                    Message.of("notification.messageReceived.message"))),
            Map.entry(NotificationKind.WEBHOOK_DISABLED, new Template(Message.of("notification.webhookDisabled.title"),
                    Message.of("notification.webhookDisabled.message")))));

    private NotificationTemplates() {
    }

    static String title(NotificationKind kind, Map<String, String> params, String language) {
        return render(TEMPLATES.get(kind).title(), params, language);
    }

    static String message(NotificationKind kind, Map<String, String> params, String language) {
        return render(TEMPLATES.get(kind).message(), params, language);
    }

    private static String render(Message template, Map<String, String> params, String language) {
        Object[] args = PARAMETERS.stream().map(name -> {
            String value = params.getOrDefault(name, "");
            return name.equals("score") ? score(value, language) : value;
        }).toArray();
        return Messages.render(Message.of(template.key(), args), language);
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
