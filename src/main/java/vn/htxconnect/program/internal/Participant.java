package vn.htxconnect.program.internal;

import java.time.Instant;

import vn.htxconnect.program.TradeEventEnums.Role;

/** An organization registered for an event, as GraphQL shows it ({@code TradeEventParticipant}). */
record Participant(long eventId, long organizationId, Role role, String booth, Instant registeredAt, boolean attended,
                   Instant checkedInAt) {
}
