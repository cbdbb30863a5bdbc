package vn.htxconnect.webhook.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.NodeResolver;
import vn.htxconnect.webhook.WebhookEventType;
import vn.htxconnect.webhook.internal.WebhookInputs.CreateWebhookInput;
import vn.htxconnect.webhook.internal.WebhookInputs.DeleteWebhookPayload;
import vn.htxconnect.webhook.internal.WebhookInputs.RedeliverWebhookInput;
import vn.htxconnect.webhook.internal.WebhookInputs.RedeliverWebhookPayload;
import vn.htxconnect.webhook.internal.WebhookInputs.UpdateWebhookInput;
import vn.htxconnect.webhook.internal.WebhookInputs.WebhookDelivery;
import vn.htxconnect.webhook.internal.WebhookInputs.WebhookEndpoint;
import vn.htxconnect.webhook.internal.WebhookInputs.WebhookIdInput;
import vn.htxconnect.webhook.internal.WebhookInputs.WebhookPayload;
import vn.htxconnect.webhook.internal.WebhookInputs.WebhookSecretPayload;

/** The webhook API: endpoints (owners manage, members read), their delivery log and redelivery. */
@Controller
class WebhookController implements NodeResolver {

    private final WebhookManagement management;
    private final WebhookStore store;

    WebhookController(WebhookManagement management, WebhookStore store) {
        this.management = management;
        this.store = store;
    }

    @MutationMapping
    WebhookSecretPayload createWebhook(@Argument CreateWebhookInput input) {
        return management.create(input);
    }

    @MutationMapping
    WebhookPayload updateWebhook(@Argument UpdateWebhookInput input) {
        return management.update(input);
    }

    @MutationMapping
    DeleteWebhookPayload deleteWebhook(@Argument WebhookIdInput input) {
        return management.delete(input);
    }

    @MutationMapping
    WebhookSecretPayload rotateWebhookSecret(@Argument WebhookIdInput input) {
        return management.rotate(input);
    }

    @MutationMapping
    RedeliverWebhookPayload redeliverWebhook(@Argument RedeliverWebhookInput input) {
        return management.redeliver(input);
    }

    @QueryMapping
    List<WebhookEndpoint> webhookEndpoints(@Argument String organizationId) {
        Access.requireUser();
        Long orgId = organizationId == null ? null : GlobalId.decode("organizationId", organizationId, "Organization");
        WebhookManagement.requireReader(orgId);
        return store.endpointsOf(orgId).stream().map(WebhookManagement::view).toList();
    }

    @QueryMapping
    WebhookEndpoint webhookEndpoint(@Argument String id) {
        return WebhookManagement.view(readable("id", id));
    }

    @QueryMapping
    Connection<WebhookDelivery> webhookDeliveries(@Argument String endpointId, @Argument String state,
                                                  @Argument Integer first, @Argument String after) {
        WebhookStore.Endpoint e = readable("endpointId", endpointId);
        int n = Cursors.first(first);
        int offset = Cursors.offsetAfter(after);
        WebhookStore.State s = state == null ? null : WebhookStore.State.valueOf(state);
        List<WebhookDelivery> rows = store.deliveries(e.id(), s, offset, n + 1).stream()
                .map(WebhookManagement::deliveryView).toList();
        return Connection.fromOffset(rows, offset, n, store.countDeliveries(e.id(), s));
    }

    @SchemaMapping(typeName = "WebhookEndpoint", field = "eventTypes")
    List<WebhookEventType> eventTypes(WebhookEndpoint e) {
        return e.eventTypes().stream().sorted().toList();
    }

    /** An endpoint the caller may read: a member of its organization, or an admin. */
    private WebhookStore.Endpoint readable(String field, String globalId) {
        Actor a = Access.requireUser();
        long id = GlobalId.decode(field, globalId, WebhookInputs.ENDPOINT_TYPE);
        WebhookStore.Endpoint e = store.endpoint(id)
                .orElseThrow(() -> ApiException.notFound(Message.of("webhook.endpoint.notFound")));
        if (!mayRead(a, e)) {
            throw WebhookManagement.forbidden();
        }
        return e;
    }

    private static boolean mayRead(Actor a, WebhookStore.Endpoint e) {
        return a.isAdmin() || (e.organizationId() != null && a.memberOf(e.organizationId()));
    }

    @Override
    public String typeName() {
        return WebhookInputs.ENDPOINT_TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        Actor a = Access.current();
        return store.endpoint(id).filter(e -> a.isUser() && mayRead(a, e)).map(WebhookManagement::view);
    }
}
