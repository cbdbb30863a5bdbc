package vn.htxconnect.webhook;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One event for the partners' endpoints.
 *
 * @param type what happened
 * @param objectId the global ID of the object it is about (the key of per-object ordering)
 * @param audience empty: public, every endpoint subscribed to the type hears it; otherwise only the endpoints of
 *                 these organizations (the parties of a quote, a linkage …) and no admin-owned endpoint
 * @param provinceCode the province the object is in or for (a two-digit code), for endpoints' province filters; or null
 * @param categoryCode the object's category code, for endpoints' category filters; or null
 * @param fields the object's current fields as the audience may see them in the GraphQL API (never internal
 *               ones); plain JSON values (strings, numbers, booleans, lists, maps); {@code id} is added
 */
public record WebhookEvent(WebhookEventType type, String objectId, Set<Long> audience, String provinceCode,
                           String categoryCode, Map<String, Object> fields) {

    public WebhookEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(objectId, "objectId");
        audience = audience == null ? Set.of() : Set.copyOf(audience);
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** An event every subscriber of its type may hear (a product listing, a trade event). */
    public static WebhookEvent publicEvent(WebhookEventType type, String objectId, Map<String, Object> fields) {
        return new WebhookEvent(type, objectId, Set.of(), null, null, fields);
    }

    /** An event only these organizations' endpoints hear (the buyer and the supplier of a quote …). */
    public static WebhookEvent toParties(WebhookEventType type, String objectId, Collection<Long> organizationIds,
                                         Map<String, Object> fields) {
        if (organizationIds == null || organizationIds.isEmpty()) {
            throw new IllegalArgumentException("an event for the parties names at least one organization");
        }
        return new WebhookEvent(type, objectId, Set.copyOf(organizationIds), null, null, fields);
    }

    /** The same event with filter attributes (either may be null). */
    public WebhookEvent withFilters(String province, String category) {
        return new WebhookEvent(type, objectId, audience, province, category, fields);
    }

    public boolean isPublic() {
        return audience.isEmpty();
    }
}
