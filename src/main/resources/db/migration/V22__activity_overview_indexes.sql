-- The overview of every cooperative's activity reads each conversation's latest message per sender with a
-- loose index scan (one index dive per conversation and sender) instead of every message.
CREATE INDEX ix_message_conversation_sender ON conversation_message (conversation_id, sender_org_id, created_at);

-- The report's event participation reads the events that ended in its window.
CREATE INDEX ix_trade_event_ends ON trade_event (ends_on, id);
