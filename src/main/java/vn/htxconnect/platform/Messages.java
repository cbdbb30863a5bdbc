package vn.htxconnect.platform;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Vietnamese (default) or English messages by {@code Accept-Language}. Code writes
 * {@link Message}s by key; {@link #render} looks them up in {@code i18n/messages_vi} /
 * {@code messages_en} through Spring's {@link MessageSource} where messages leave the server, so no
 * call site needs to know the caller's language.
 */
public final class Messages {

    /** The GraphQL context key holding the caller's language ("vi" or "en"). */
    public static final String LANGUAGE = "language";

    /** The bundles, held statically because exception messages and logs render English outside any bean. */
    static final ResourceBundleMessageSource SOURCE = source();

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private Messages() {
    }

    /** "en" when the caller's first preferred language is English, else "vi" (the default). */
    public static String languageOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "vi";
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange r : ranges) {
                String tag = r.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("vi")) {
                    return "vi";
                }
                if (tag.startsWith("en")) {
                    return "en";
                }
            }
        } catch (IllegalArgumentException e) {
            return "vi";
        }
        return "vi";
    }

    /** The message in "vi" or "en"; null for null. */
    public static String render(Message message, String language) {
        if (message == null) {
            return null;
        }
        Object[] args = message.args().stream()
                .map(a -> a instanceof Message nested ? render(nested, language) : String.valueOf(a)).toArray();
        return SOURCE.getMessage(message.key(), args, localeOf(language));
    }

    static Locale localeOf(String language) {
        return "en".equals(language) ? Locale.ENGLISH : VIETNAMESE;
    }

    private static ResourceBundleMessageSource source() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        // No base bundle and no fallback: a key missing in one language fails loudly (and MessageKeysTests
        // catches it first) instead of showing the other language.
        source.setFallbackToSystemLocale(false);
        // Every text is a MessageFormat pattern, with or without arguments, so an apostrophe is always written ''.
        source.setAlwaysUseMessageFormat(true);
        return source;
    }
}
