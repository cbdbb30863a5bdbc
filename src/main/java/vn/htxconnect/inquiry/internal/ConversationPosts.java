package vn.htxconnect.inquiry.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.inquiry.ConversationPost;
import vn.htxconnect.inquiry.ConversationService;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.ValidationErrors;

/**
 * Conversations as other modules use them: messages the platform writes for one side (a quote
 * sent), and conversations shown on their objects. Blocking applies as to people's messages.
 */
@Service
class ConversationPosts implements ConversationService {

    private final ConversationStore store;
    private final Blocks blocks;

    ConversationPosts(ConversationStore store, Blocks blocks) {
        this.store = store;
        this.blocks = blocks;
    }

    @Override
    @Transactional
    public OptionalLong post(ConversationPost post) {
        ConversationRole sender = post.fromSupplier() ? ConversationRole.SUPPLIER : ConversationRole.BUYER;
        long from = post.fromSupplier() ? post.supplierOrganizationId() : post.buyerOrganizationId();
        long to = post.fromSupplier() ? post.buyerOrganizationId() : post.supplierOrganizationId();
        if (blocks.blocked(to, from)) {
            return OptionalLong.empty();
        }
        ValidationErrors errors = new ValidationErrors();
        String body = InquiryText.body(errors, "body", post.body());
        String title = InquiryText.subject(errors, "title", post.title());
        if (errors.hasErrors()) {
            throw new IllegalArgumentException("Invalid conversation post: " + errors.list());
        }
        Instant now = Instant.now();
        Optional<Conversation> existing = store.lockAbout(post.buyerOrganizationId(), post.supplierOrganizationId(),
                post.subjectId());
        if (existing.isEmpty() && !post.open()) {
            return OptionalLong.empty();
        }
        Conversation c = existing.orElseGet(() -> store.find(store.insertConversation(post.buyerOrganizationId(),
                post.supplierOrganizationId(), GlobalId.decode("subjectId", post.subjectId()).type(), post.subjectId(),
                title, post.userId(), sender, now)).orElseThrow());
        store.addMessage(c, sender, post.userId(), body, now);
        return OptionalLong.of(c.databaseId());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Object> readable(Collection<Long> ids) {
        Actor actor = Access.current();
        Map<Long, Object> out = new LinkedHashMap<>();
        for (Conversation c : store.findAll(ids)) {
            if (Conversations.party(c, actor)) {
                out.put(c.databaseId(), c.viewedAs(Conversations.defaultSide(c, actor)));
            }
        }
        return out;
    }
}
