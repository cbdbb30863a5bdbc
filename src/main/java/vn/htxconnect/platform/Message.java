package vn.htxconnect.platform;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A text for users, by key, rendered in the caller's language only where it leaves the server
 * ({@link Messages#render}), so no call site needs to know that language.
 * <p>
 * To add a message: write {@code Message.of("account.email.taken")} (arguments after the key) in code and add the key to
 * both {@code i18n/messages_en.properties} and {@code i18n/messages_vi.properties} (UTF-8,
 * MessageFormat: {@code {0}}, {@code {1}}… for the arguments, every apostrophe doubled: {@code ''}).
 * Arguments are inserted as written ({@code String.valueOf}; a nested {@code Message} is rendered in
 * the same language): format numbers and dates in code, so both languages show them alike.
 * {@code MessageKeysTests} fails when a key used in code is missing or the two files differ in keys
 * or placeholders.
 * <p>
 * {@link #english} carries a plain English sentence from code not converted yet; it is translated
 * by the older patterns in {@code i18n/vi.tsv} and is to go once every module uses keys.
 *
 * @param key     the bundle key, or null for a plain English sentence
 * @param args    the values for {@code {0}}, {@code {1}}…
 * @param english the plain English sentence when {@code key} is null
 */
public record Message(String key, List<Object> args, String english) {

    public Message {
        if ((key == null) == (english == null)) {
            throw new IllegalArgumentException("A message has either a key or an English text");
        }
        // Arguments may be null (shown as "null", as string concatenation did); List.copyOf refuses nulls.
        args = args == null ? List.of() : Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args), null);
    }

    /** A sentence from code not yet converted to keys (translated through {@code i18n/vi.tsv}). */
    public static Message english(String text) {
        return new Message(null, List.of(), text == null ? "" : text);
    }

    /** The English rendering, for logs and exception messages. */
    @Override
    public String toString() {
        return Messages.render(this, "en");
    }
}
