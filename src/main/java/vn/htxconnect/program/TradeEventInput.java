package vn.htxconnect.program;

import java.time.LocalDate;

/**
 * A new event, or (with {@code id}) the fields of one to change: null fields stay as they are on update.
 * {@code province} is any name or code the region module resolves, old (pre-2025) names included.
 */
public record TradeEventInput(String id, TradeEventEnums.Kind kind, String name, String description, LocalDate startsOn,
                              LocalDate endsOn, String province, String address, Double lat, Double lon,
                              String organiserOrganizationId, Long expectedVersion, String clientMutationId) {
}
