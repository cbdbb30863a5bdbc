package vn.htxconnect.linkage.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.internal.SupplyEvent.Kind;
import vn.htxconnect.linkage.internal.SupplyEventInputs.Payload;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ValidationErrors;

/**
 * The answer to a supply event write. A recorded event first brings its linkage's delivered quantity and
 * last activity up to date (from its effective events, under the linkage's row lock the writer holds); a
 * refused write rolls back everything, so nothing of it stays.
 */
@Component
class SupplyEventPayloads {

    private final LinkageRepository linkages;
    private final SupplyEventStore store;
    private final LinkageWebhooks webhooks;

    SupplyEventPayloads(LinkageRepository linkages, SupplyEventStore store, LinkageWebhooks webhooks) {
        this.linkages = linkages;
        this.store = store;
        this.webhooks = webhooks;
    }

    /** The linkage's delivered quantity and last activity from its effective events, then the payload. */
    Payload recorded(long eventId, LinkageEntity l, Actor actor, String clientMutationId) {
        Linkage view = null;
        if (l != null) {
            double delivered = 0;
            Instant last = null;
            for (SupplyEventStore.Activity a : store.activity(l.id)) {
                if (a.kind() == Kind.RECEIVED) {
                    delivered += a.unit().convert(a.quantity(), l.unit).orElse(0.0);
                }
                last = last == null || a.occurredAt().isAfter(last) ? a.occurredAt() : last;
            }
            l.deliveredQuantity = BigDecimal.valueOf(delivered).setScale(3, RoundingMode.HALF_UP);
            l.lastEventAt = last;
            linkages.saveAndFlush(l);
            view = LinkageController.view(actor, l.toView());
        }
        SupplyEvent event = store.findByIds(List.of(eventId)).get(eventId);
        webhooks.supplyEvent(event, l);
        return new Payload(event, view, List.of(), clientMutationId);
    }

    /** Nothing of a refused write may stay, not even the lot lock row. */
    static Payload refused(ValidationErrors errors, String clientMutationId) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return new Payload(null, null, errors.list(), clientMutationId);
    }
}
