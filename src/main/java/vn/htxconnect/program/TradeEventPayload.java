package vn.htxconnect.program;

import java.util.List;

import vn.htxconnect.platform.UserError;

/** Result of an event mutation: the event as it now is, or what was wrong (then nothing was written). */
public record TradeEventPayload(TradeEvent tradeEvent, List<UserError> errors, String clientMutationId) {
}
