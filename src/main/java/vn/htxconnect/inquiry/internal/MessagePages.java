package vn.htxconnect.inquiry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;

/**
 * Pages of messages for every conversation of a response in one SQL statement (per distinct paging
 * arguments, normally one), so a list of conversations with their messages is no N+1.
 */
@Component
class MessagePages {

    static final String NAME = "conversationMessages";

    /** What to load: a page of one conversation's messages, forward after or backward before a message. */
    record Key(Conversation conversation, boolean backward, long cursorId, int size) {
    }

    private record Group(boolean backward, long cursorId, int size) {
    }

    private final ConversationStore store;

    MessagePages(BatchLoaderRegistry registry, ConversationStore store) {
        this.store = store;
        registry.<Key, Connection<Message>>forName(NAME)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> load(keys)));
    }

    /** Validates the paging arguments and asks the request's loader for the page. */
    static CompletableFuture<Connection<Message>> page(DataLoader<Key, Connection<Message>> loader, Conversation c,
                                                        Integer first, String after, Integer last, String before) {
        if (first != null && last != null) {
            throw ApiException.badRequest("last", keyed("paging.firstOrLast"));
        }
        boolean backward = last != null || (first == null && before != null);
        if (backward && after != null || !backward && before != null) {
            throw ApiException.badRequest(backward ? "after" : "before",
                    keyed("paging.cursorDirection"));
        }
        int size = Cursors.first(backward ? last : first);
        return loader.load(new Key(c, backward, messageId(backward ? "before" : "after", backward ? before : after), size));
    }

    static String cursor(Message m) {
        return Cursors.encode("m:" + m.databaseId());
    }

    private static long messageId(String field, String cursor) {
        if (cursor == null) {
            return 0;
        }
        String raw = Cursors.decode(field, cursor);
        try {
            long id = raw.startsWith("m:") ? Long.parseLong(raw.substring(2)) : -1;
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field, keyed("paging.cursor.invalid"));
        }
    }

    private Map<Key, Connection<Message>> load(Set<Key> keys) {
        Map<Key, Connection<Message>> pages = new HashMap<>();
        Map<Group, List<Key>> groups = keys.stream()
                .collect(Collectors.groupingBy(k -> new Group(k.backward(), k.cursorId(), k.size())));
        groups.forEach((g, members) -> {
            List<Long> ids = members.stream().map(k -> k.conversation().databaseId()).distinct().toList();
            Map<Long, List<ConversationStore.MessageRow>> rows = store.messages(ids, g.backward(), g.cursorId(), g.size() + 1)
                    .stream().collect(Collectors.groupingBy(ConversationStore.MessageRow::conversationId));
            for (Key k : members) {
                pages.put(k, page(k, rows.getOrDefault(k.conversation().databaseId(), List.of())));
            }
        });
        return pages;
    }

    private static Connection<Message> page(Key k, List<ConversationStore.MessageRow> rows) {
        Conversation c = k.conversation();
        boolean more = rows.size() > k.size();
        // Rows come oldest first; one extra row beyond the page tells that more exist on that end.
        List<ConversationStore.MessageRow> page = !more ? rows
                : k.backward() ? rows.subList(1, rows.size()) : rows.subList(0, k.size());
        List<Message> messages = new ArrayList<>(page.size());
        for (ConversationStore.MessageRow r : page) {
            ConversationRole sender = c.roleOf(r.senderOrganizationId());
            messages.add(new Message(r.id(), r.conversationId(), sender, r.body(), r.sentAt(),
                    c.readByRecipient(r.id(), sender)));
        }
        boolean hasNext = k.backward() ? k.cursorId() != 0 : more;
        boolean hasPrevious = k.backward() ? more : k.cursorId() != 0;
        return Connection.fromKeyed(messages, MessagePages::cursor, hasNext, hasPrevious, c.messageCount());
    }

    /** A user-facing text by key ({@code Message} in this package is the conversation message). */
    private static vn.htxconnect.platform.Message keyed(String key, Object... args) {
        return vn.htxconnect.platform.Message.of(key, args);
    }
}
