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

/**
 * Vietnamese (default) or English messages by {@code Accept-Language}. Code writes English
 * messages; {@code i18n/vi.tsv} holds, one per line, a pattern of an English message and its
 * Vietnamese form ({@code $1}… carry the variable parts). Translation happens once, where messages
 * leave the server, so no call site needs to know the caller's language. A message without a
 * pattern is sent in English rather than not at all.
 */
public final class Messages {

    /** The GraphQL context key holding the caller's language ("vi" or "en"). */
    public static final String LANGUAGE = "language";

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
