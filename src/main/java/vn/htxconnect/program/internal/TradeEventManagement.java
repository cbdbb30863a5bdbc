package vn.htxconnect.program.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.platform.VietnamTime;
import vn.htxconnect.program.TradeEvent;
import vn.htxconnect.program.TradeEventInput;
import vn.htxconnect.program.TradeEventOutcomes;
import vn.htxconnect.program.TradeEventPayload;
import vn.htxconnect.program.TradeEventService;
import vn.htxconnect.webhook.WebhookEvent;
import vn.htxconnect.webhook.WebhookEventType;
import vn.htxconnect.webhook.WebhookEvents;

/** Events are created, changed and cancelled by the Alliance's analysts and admins; one transaction each. */
@Service
class TradeEventManagement implements TradeEventService {

    private final TradeEventRepository repository;
    private final TradeEventValidator validator;
    private final EventOutcomes outcomes;
    private final WebhookEvents webhooks;

    TradeEventManagement(TradeEventRepository repository, TradeEventValidator validator, EventOutcomes outcomes,
                         WebhookEvents webhooks) {
        this.webhooks = webhooks;
        this.repository = repository;
        this.validator = validator;
        this.outcomes = outcomes;
    }

    @Override
    @Transactional
    public TradeEventPayload create(TradeEventInput in) {
        Actor actor = Access.requireAlliance();
        ValidationErrors errors = new ValidationErrors();
        TradeEventEntity e = new TradeEventEntity();
        e.createdByUserId = actor.userId();
        validator.applyCreate(in, e, errors);
        if (errors.hasErrors()) {
            return new TradeEventPayload(null, errors.list(), in.clientMutationId());
        }
        repository.saveAndFlush(e);
        publishWebhook(e.toView());
        return new TradeEventPayload(e.toView(), List.of(), in.clientMutationId());
    }

    /** A trade event is public from its creation: every subscriber hears of it, with what the API shows everyone. */
    private void publishWebhook(TradeEvent t) {
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("kind", t.kind() == null ? null : t.kind().name());
        f.put("name", t.name());
        f.put("description", t.description());
        f.put("startsOn", String.valueOf(t.startsOn()));
        f.put("endsOn", String.valueOf(t.endsOn()));
        f.put("provinceCode", t.provinceCode());
        f.put("address", t.address());
        f.put("organiserOrganizationId", t.organiserOrganizationId() == null ? null
                : GlobalId.encode("Organization", t.organiserOrganizationId()));
        f.put("version", t.version());
        webhooks.publish(WebhookEvent.publicEvent(WebhookEventType.TRADE_EVENT_PUBLISHED, t.id(), f)
                .withFilters(t.provinceCode(), null));
    }

    @Override
    @Transactional
    public TradeEventPayload update(TradeEventInput in) {
        ValidationErrors errors = new ValidationErrors();
        TradeEventEntity e = existing(in.id(), in.expectedVersion(), errors);
        if (e != null && e.status == TradeEventEntity.Stored.CANCELLED) {
            errors.add("id", UserErrorCode.CONFLICT, Message.of("program.event.cancelledNoChange"));
        }
        if (errors.hasErrors()) {
            return new TradeEventPayload(null, errors.list(), in.clientMutationId());
        }
        validator.applyUpdate(in, e, errors);
        return save(e, errors, in.clientMutationId());
    }

    @Override
    @Transactional
    public TradeEventPayload cancel(String id, String reason, Long expectedVersion, String clientMutationId) {
        ValidationErrors errors = new ValidationErrors();
        TradeEventEntity e = existing(id, expectedVersion, errors);
        if (e == null) {
            return new TradeEventPayload(null, errors.list(), clientMutationId);
        }
        String why = errors.text("reason", reason, 500, false);
        if (e.status == TradeEventEntity.Stored.CANCELLED) {
            errors.add("id", UserErrorCode.CONFLICT, Message.of("program.event.alreadyCancelled"));
        } else if (e.endsOn.isBefore(LocalDate.now(VietnamTime.ZONE))) {
            errors.add("id", UserErrorCode.CONFLICT, Message.of("program.event.endedNoCancel"));
        }
        e.status = TradeEventEntity.Stored.CANCELLED;
        e.cancelReason = why;
        return save(e, errors, clientMutationId);
    }

    private TradeEventPayload save(TradeEventEntity e, ValidationErrors errors, String clientMutationId) {
        if (errors.hasErrors()) {
            // The entity is managed and half-changed: roll back so nothing reaches the database.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new TradeEventPayload(null, errors.list(), clientMutationId);
        }
        repository.saveAndFlush(e);
        return new TradeEventPayload(e.toView(), List.of(), clientMutationId);
    }

    private TradeEventEntity existing(String id, Long expectedVersion, ValidationErrors errors) {
        Access.requireAlliance();
        Long dbId = GlobalId.tryDecode(id, TradeEvent.TYPE);
        TradeEventEntity e = dbId == null ? null : repository.findById(dbId).orElse(null);
        if (e == null) {
            errors.add("id", UserErrorCode.NOT_FOUND, Message.of("program.event.notFound"));
            return null;
        }
        if (expectedVersion != null && expectedVersion != e.version) {
            errors.add("expectedVersion", UserErrorCode.CONFLICT,
                    Message.of("program.event.staleVersion", e.version));
            return null;
        }
        return e;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TradeEvent> findById(long id) {
        return repository.findById(id).map(TradeEventEntity::toView);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, TradeEvent> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findAllById(ids).stream().map(TradeEventEntity::toView)
                .collect(Collectors.toMap(TradeEvent::databaseId, Function.identity()));
    }

    @Override
    public Map<Long, TradeEventOutcomes> outcomes(Collection<TradeEvent> events) {
        return outcomes.of(events);
    }
}
