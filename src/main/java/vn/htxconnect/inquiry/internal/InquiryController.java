package vn.htxconnect.inquiry.internal;

import java.util.Optional;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.inquiry.internal.InquiryInputs.BlockSenderInput;
import vn.htxconnect.inquiry.internal.InquiryInputs.BlockSenderPayload;
import vn.htxconnect.inquiry.internal.InquiryInputs.ConversationFilter;
import vn.htxconnect.inquiry.internal.InquiryInputs.ConversationPayload;
import vn.htxconnect.inquiry.internal.InquiryInputs.MarkConversationReadInput;
import vn.htxconnect.inquiry.internal.InquiryInputs.SendMessageInput;
import vn.htxconnect.inquiry.internal.InquiryInputs.SendMessagePayload;
import vn.htxconnect.inquiry.internal.InquiryInputs.StartInquiryInput;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.NodeResolver;

/** Inquiry queries and mutations; who may do what is decided in the services. */
@Controller
class InquiryController implements NodeResolver {

    private final Conversations conversations;
    private final Inbox inbox;
    private final Blocks blocks;

    InquiryController(Conversations conversations, Inbox inbox, Blocks blocks) {
        this.conversations = conversations;
        this.inbox = inbox;
        this.blocks = blocks;
    }

    @QueryMapping
    Connection<Conversation> conversations(@Argument ConversationFilter filter, @Argument Integer first,
                                           @Argument String after) {
        return inbox.list(filter, Cursors.first(first), after);
    }

    @QueryMapping
    Conversation conversation(@Argument String id) {
        return conversations.get(id);
    }

    @QueryMapping
    Connection<Organization> blockedSenders(@Argument String organizationId, @Argument Integer first,
                                            @Argument String after) {
        return blocks.list(organizationId, Cursors.first(first), after);
    }

    @MutationMapping
    ConversationPayload startInquiry(@Argument StartInquiryInput input) {
        return conversations.start(input);
    }

    @MutationMapping
    SendMessagePayload sendMessage(@Argument SendMessageInput input) {
        return conversations.send(input);
    }

    @MutationMapping
    ConversationPayload markConversationRead(@Argument MarkConversationReadInput input) {
        return conversations.markRead(input);
    }

    @MutationMapping
    BlockSenderPayload blockSender(@Argument BlockSenderInput input) {
        return blocks.block(input, true);
    }

    @MutationMapping
    BlockSenderPayload unblockSender(@Argument BlockSenderInput input) {
        return blocks.block(input, false);
    }

    @Override
    public String typeName() {
        return Conversation.TYPE;
    }

    /** {@code node(id:)} follows the same rule as {@code conversation(id:)}. */
    @Override
    public Optional<?> load(long id) {
        return Optional.of(conversations.get(GlobalId.encode(Conversation.TYPE, id)));
    }
}
