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
 * A text that is not ours (a library's own words, which have no key) is shown as written through the
 * key {@code error.asWritten}; everything the code says itself has a key of its own.
 *
 * @param key  the bundle key
 * @param args the values for {@code {0}}, {@code {1}}…
 */
public record Message(String key, List<Object> args) {

    public Message {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A message needs a key");
        }
        // Arguments may be null (shown as "null", as string concatenation did); List.copyOf refuses nulls.
        args = args == null ? List.of() : Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /** The English rendering, for logs and exception messages. */
    @Override
    public String toString() {
        return Messages.render(this, "en");
    }
}
