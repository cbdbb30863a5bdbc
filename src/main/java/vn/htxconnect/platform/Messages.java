package vn.htxconnect.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Vietnamese (default) or English messages by {@code Accept-Language}. Code writes
 * {@link Message}s by key; {@link #render} looks them up in {@code i18n/messages_vi} /
 * {@code messages_en} through Spring's {@link MessageSource} where messages leave the server, so no
 * call site needs to know the caller's language. Until every module uses keys, plain English
 * sentences still go through {@link #translate}: {@code i18n/vi.tsv} holds, one per line, a pattern
 * of an English message and its Vietnamese form ({@code $1}… carry the variable parts).
 */
public final class Messages {

    /** The GraphQL context key holding the caller's language ("vi" or "en"). */
    public static final String LANGUAGE = "language";

    /** The bundles, held statically because exception messages and logs render English outside any bean. */
    static final ResourceBundleMessageSource SOURCE = source();

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private record Rule(Pattern english, String vietnamese) {
    }

    private static final List<Rule> RULES = load();

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
        if (message.key() == null) {
            return translate(message.english(), language);
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

    /** English sentences from modules not yet converted to keys, by the patterns in {@code i18n/vi.tsv}. */
    public static String translate(String message, String language) {
        if (message == null || "en".equals(language)) {
            return message;
        }
        for (Rule rule : RULES) {
            Matcher m = rule.english().matcher(message);
            if (m.matches()) {
                return m.replaceFirst(rule.vietnamese());
            }
        }
        return message;
    }

    private static List<Rule> load() {
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = Messages.class.getResourceAsStream("/i18n/vi.tsv")) {
            if (in == null) {
                return rules;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException("i18n/vi.tsv line " + n + ": expected pattern<TAB>translation");
                }
                rules.add(new Rule(Pattern.compile(line.substring(0, tab).strip()), line.substring(tab + 1).strip()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read i18n/vi.tsv", e);
        }
        return List.copyOf(rules);
    }
}
