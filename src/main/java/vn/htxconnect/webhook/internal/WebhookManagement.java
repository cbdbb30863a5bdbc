package vn.htxconnect.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Outbox;
import vn.htxconnect.platform.UserError;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.webhook.WebhookEvent;
import vn.htxconnect.webhook.WebhookEventType;
import vn.htxconnect.webhook.WebhookEvents;
import vn.htxconnect.webhook.internal.WebhookInputs.CreateWebhookInput;
import vn.htxconnect.webhook.internal.WebhookInputs.DeleteWebhookPayload;
import vn.htxconnect.webhook.internal.WebhookInputs.RedeliverWebhookInput;
import vn.htxconnect.webhook.internal.WebhookInputs.RedeliverWebhookPayload;
import vn.htxconnect.webhook.internal.WebhookInputs.UpdateWebhookInput;
import vn.htxconnect.webhook.internal.WebhookInputs.WebhookFilterInput;
import vn.htxconnect.webhook.internal.WebhookInputs.WebhookIdInput;
import vn.htxconnect.webhook.internal.WebhookInputs.WebhookPayload;
import vn.htxconnect.webhook.internal.WebhookInputs.WebhookSecretPayload;

/**
 * Publishing events (in the caller's transaction: the event row and one outbox row) and managing endpoints: an
 * organization's OWNERs manage its endpoints, admins any endpoint and the admin-owned ones (no organization), which
 * hear public events only.
 */
@Service
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookManagement implements WebhookEvents {

    static final String OUTBOX_TYPE = "webhook-event";
    /** Endpoints per organization (and admin-owned): enough for a few integrations, few enough to list. */
    static final int MAX_ENDPOINTS = 20;
    static final int MAX_FILTER_VALUES = 50;
    /** Another instance's new or re-enabled endpoint is heard from at most this long after the change. */
    private static final long LISTENED_TTL_NANOS = 1_000_000_000L;
    private static final Logger log = LoggerFactory.getLogger(WebhookManagement.class);

    private final WebhookStore store;
    private final Outbox outbox;
    private final JsonMapper json;
    private final WebhookProperties properties;
    private final UrlGuard guard;
    private final ProvinceService provinces;
    /**
     * The event types some enabled endpoint listens to, read again at most once a second (and at once on this
     * instance after an endpoint changes here): a write nobody listens to costs nothing, where every product
     * write and every imported row would otherwise add an event row and an outbox row for nobody.
     */
    private volatile Set<WebhookEventType> listenedTo;
    private volatile long listenedToReadAt;

    WebhookManagement(WebhookStore store, Outbox outbox, JsonMapper json, WebhookProperties properties, UrlGuard guard,
                      ProvinceService provinces) {
        this.store = store;
        this.outbox = outbox;
        this.json = json;
        this.properties = properties;
        this.guard = guard;
        this.provinces = provinces;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(WebhookEvent event) {
        if (!listened(event.type())) {
            return;
        }
        WebhookStore.NewEvent e = prepare(event);
        long id = store.insertEvent(e.key(), event.type(), event.objectId(), event.audience(), event.provinceCode(),
                event.categoryCode(), e.payload());
        outbox.enqueue(OUTBOX_TYPE, id, event.type().name());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void publishAll(List<WebhookEvent> events) {
        List<WebhookStore.NewEvent> prepared = events.stream().filter(e -> listened(e.type())).map(this::prepare).toList();
        if (prepared.isEmpty()) {
            return;
        }
        outbox.enqueueAll(OUTBOX_TYPE, store.insertEvents(prepared), "batch");
    }

    /** The event's key and its body as sent (the object's ID only when the body would be too large). */
    private WebhookStore.NewEvent prepare(WebhookEvent event) {
        String key = Signatures.newId("evt_");
        Instant now = Instant.now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", event.objectId());
        event.fields().forEach((k, v) -> {
            if (!k.equals("id")) {
                data.put(k, v);
            }
        });
        String payload = body(key, event.type(), now, data);
        if (payload.getBytes(StandardCharsets.UTF_8).length > properties.maxPayloadBytes()) {
            // Never fail the change that caused it: the receiver gets the ID and reads the object through the API.
            log.warn("Webhook event {} about {} is over {} bytes; sent with the object's ID only", event.type(),
                    event.objectId(), properties.maxPayloadBytes());
            payload = body(key, event.type(), now, Map.of("id", event.objectId(), "truncated", true));
        }
        return new WebhookStore.NewEvent(key, event, payload);
    }

    private boolean listened(WebhookEventType type) {
        Set<WebhookEventType> types = listenedTo;
        if (types == null || System.nanoTime() - listenedToReadAt > LISTENED_TTL_NANOS) {
            types = store.listenedTypes();
            listenedTo = types;
            listenedToReadAt = System.nanoTime();
        }
        return types.contains(type);
    }

    /** Endpoints changed on this instance: the next event reads the listened-to types again. */
    private void endpointsChanged() {
        // After the commit: cleared before it, a publish on another thread could read and keep the old types.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    listenedTo = null;
                }
            });
        } else {
            listenedTo = null;
        }
    }

    private String body(String key, WebhookEventType type, Instant at, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", key);
        body.put("type", type.wireName());
        body.put("timestamp", at.atOffset(ZoneOffset.UTC).toString());
        body.put("data", data);
        return json.writeValueAsString(body);
    }

    // --- endpoints

    @Transactional
    public WebhookSecretPayload create(CreateWebhookInput input) {
        Long orgId = input.organizationId() == null ? null
                : GlobalId.decode("organizationId", input.organizationId(), "Organization");
        requireManager(orgId);
        ValidationErrors errors = new ValidationErrors();
        String url = url(errors, input.url(), true);
        String description = errors.text("description", input.description(), 200, false);
        Set<WebhookEventType> types = types(errors, input.eventTypes(), true);
        List<String> provinceCodes = provinces(errors, input.filter());
        List<String> categories = categories(errors, input.filter());
        if (!errors.hasErrors() && store.countOf(orgId) >= MAX_ENDPOINTS) {
            errors.add("organizationId", UserErrorCode.CONFLICT, Message.of("webhook.tooMany", MAX_ENDPOINTS));
        }
        if (errors.hasErrors()) {
            return new WebhookSecretPayload(null, null, errors.list(), input.clientMutationId());
        }
        String secret = Signatures.newSecret();
        long id;
        try {
            id = store.insertEndpoint(orgId, url, description, secret, types, provinceCodes, categories);
            endpointsChanged();
        } catch (DataIntegrityViolationException e) {
            // Only an admin gets here with an organization that does not exist (an owner's exists).
            return new WebhookSecretPayload(null, null, List.of(UserError.of("organizationId", UserErrorCode.NOT_FOUND,
                    Message.of("organization.id.unknown", "organizationId"))), input.clientMutationId());
        }
        return new WebhookSecretPayload(view(store.endpoint(id).orElseThrow()), secret, List.of(), input.clientMutationId());
    }

    @Transactional
    public WebhookPayload update(UpdateWebhookInput input) {
        WebhookStore.Endpoint e = managed("id", input.id());
        ValidationErrors errors = new ValidationErrors();
        String url = input.url() == null ? e.url() : url(errors, input.url(), true);
        String description = input.description() == null ? e.description()
                : errors.text("description", input.description(), 200, false);
        Set<WebhookEventType> types = input.eventTypes() == null ? e.eventTypes() : types(errors, input.eventTypes(), true);
        List<String> provinceCodes = input.filter() == null || input.filter().provinces() == null ? e.provinceCodes()
                : provinces(errors, input.filter());
        List<String> categories = input.filter() == null || input.filter().categories() == null ? e.categoryCodes()
                : categories(errors, input.filter());
        if (errors.hasErrors()) {
            return new WebhookPayload(null, errors.list(), input.clientMutationId());
        }
        store.updateEndpoint(e.id(), url, description, types, provinceCodes, categories);
        endpointsChanged();
        if (input.enabled() != null) {
            store.setEnabled(e.id(), input.enabled());
            endpointsChanged();
        }
        return new WebhookPayload(view(store.endpoint(e.id()).orElseThrow()), List.of(), input.clientMutationId());
    }

    @Transactional
    public DeleteWebhookPayload delete(WebhookIdInput input) {
        WebhookStore.Endpoint e = managed("id", input.id());
        store.deleteEndpoint(e.id());
        return new DeleteWebhookPayload(input.id(), List.of(), input.clientMutationId());
    }

    @Transactional
    public WebhookSecretPayload rotate(WebhookIdInput input) {
        WebhookStore.Endpoint e = managed("id", input.id());
        String secret = Signatures.newSecret();
        store.rotateSecret(e.id(), secret, properties.previousSecretValidity());
        return new WebhookSecretPayload(view(store.endpoint(e.id()).orElseThrow()), secret, List.of(), input.clientMutationId());
    }

    @Transactional
    public RedeliverWebhookPayload redeliver(RedeliverWebhookInput input) {
        Access.requireUser();
        long id = GlobalId.decode("deliveryId", input.deliveryId(), WebhookInputs.DELIVERY_TYPE);
        WebhookStore.Delivery d = store.delivery(id)
                .orElseThrow(() -> ApiException.notFound(Message.of("webhook.delivery.notFound")));
        WebhookStore.Endpoint e = store.endpoint(d.endpointId())
                .orElseThrow(() -> ApiException.notFound(Message.of("webhook.delivery.notFound")));
        requireManager(e.organizationId());
        long copy = store.redeliver(d);
        return new RedeliverWebhookPayload(deliveryView(store.delivery(copy).orElseThrow()), List.of(), input.clientMutationId());
    }

    /** The endpoint an ID names, when the caller may manage it (its organization's owner, or an admin). */
    private WebhookStore.Endpoint managed(String field, String globalId) {
        Access.requireUser();
        long id = GlobalId.decode(field, globalId, WebhookInputs.ENDPOINT_TYPE);
        WebhookStore.Endpoint e = store.lockEndpoint(id)
                .orElseThrow(() -> ApiException.notFound(Message.of("webhook.endpoint.notFound")));
        requireManager(e.organizationId());
        return e;
    }

    static Actor requireManager(Long organizationId) {
        return organizationId == null ? Access.requireAdmin() : Access.requireOwner(organizationId);
    }

    /** Members (and admins) read an organization's endpoints; admins the admin-owned ones. */
    static Actor requireReader(Long organizationId) {
        return organizationId == null ? Access.requireAdmin() : Access.requireMember(organizationId);
    }

    private String url(ValidationErrors errors, String url, boolean required) {
        if (url == null || url.isBlank()) {
            if (required) {
                errors.add("url", UserErrorCode.REQUIRED, Message.of("input.required", "url"));
            }
            return null;
        }
        try {
            return guard.check(url).uri().toString();
        } catch (UrlGuard.Refused r) {
            errors.add("url", url.length() > UrlGuard.MAX_LENGTH ? UserErrorCode.TOO_LONG : UserErrorCode.INVALID, r.text());
            return null;
        }
    }

    private static Set<WebhookEventType> types(ValidationErrors errors, List<WebhookEventType> types, boolean required) {
        if (types == null || types.isEmpty()) {
            if (required) {
                errors.add("eventTypes", UserErrorCode.REQUIRED, Message.of("webhook.eventTypes.required"));
            }
            return EnumSet.noneOf(WebhookEventType.class);
        }
        return EnumSet.copyOf(types);
    }

    private List<String> provinces(ValidationErrors errors, WebhookFilterInput filter) {
        if (filter == null || filter.provinces() == null) {
            return List.of();
        }
        if (filter.provinces().size() > MAX_FILTER_VALUES) {
            errors.add("filter.provinces", UserErrorCode.OUT_OF_RANGE, Message.of("webhook.filter.tooMany", MAX_FILTER_VALUES));
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < filter.provinces().size(); i++) {
            String value = filter.provinces().get(i);
            var p = value == null || value.length() > 100 ? java.util.Optional.<Province>empty() : provinces.resolve(value);
            if (p.isEmpty()) {
                errors.add("filter.provinces[" + i + "]", UserErrorCode.INVALID, Message.of("region.province.unknown"));
            } else {
                codes.add(p.get().code());
            }
        }
        return new ArrayList<>(codes);
    }

    private static List<String> categories(ValidationErrors errors, WebhookFilterInput filter) {
        if (filter == null || filter.categories() == null) {
            return List.of();
        }
        if (filter.categories().size() > MAX_FILTER_VALUES) {
            errors.add("filter.categories", UserErrorCode.OUT_OF_RANGE, Message.of("webhook.filter.tooMany", MAX_FILTER_VALUES));
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < filter.categories().size(); i++) {
            String value = filter.categories().get(i) == null ? "" : filter.categories().get(i).strip().toUpperCase(Locale.ROOT);
            if (!value.matches("[A-Z][A-Z0-9_]{0,59}")) {
                errors.add("filter.categories[" + i + "]", UserErrorCode.INVALID, Message.of("webhook.filter.category"));
            } else {
                codes.add(value);
            }
        }
        return new ArrayList<>(codes);
    }

    // --- views

    static WebhookInputs.WebhookEndpoint view(WebhookStore.Endpoint e) {
        Instant previous = e.previousSecret() != null ? e.previousSecretUntil() : null;
        return new WebhookInputs.WebhookEndpoint(GlobalId.encode(WebhookInputs.ENDPOINT_TYPE, e.id()),
                e.organizationId() == null ? null : GlobalId.encode("Organization", e.organizationId()), e.url(),
                e.description(), List.copyOf(e.eventTypes()), new WebhookInputs.WebhookFilter(e.provinceCodes(), e.categoryCodes()),
                e.enabled(), e.failureStreak(), e.failingSince(), e.disabledAt(), previous, e.createdAt(), e.updatedAt());
    }

    static WebhookInputs.WebhookDelivery deliveryView(WebhookStore.Delivery d) {
        return new WebhookInputs.WebhookDelivery(GlobalId.encode(WebhookInputs.DELIVERY_TYPE, d.id()), d.messageId(),
                GlobalId.encode(WebhookInputs.ENDPOINT_TYPE, d.endpointId()), d.eventType(), d.objectId(), d.state().name(),
                d.attempt(), d.statusCode(), d.latencyMs(), d.lastError(), d.lastAttemptAt(),
                d.state() == WebhookStore.State.PENDING || d.state() == WebhookStore.State.FAILED ? d.nextAttemptAt() : null,
                d.createdAt(), d.payload());
    }

    static ApiException forbidden() {
        return new ApiException(ErrorCode.FORBIDDEN, Message.of("access.forbidden"));
    }
}
