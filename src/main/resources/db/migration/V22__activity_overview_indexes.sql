-- Each conversation keeps when its supplier last replied (set with every supplier message, as
-- first_response_at is with the first), so every supplier's latest answered inquiry is one loose scan of
-- an index over conversations instead of a pass over all messages.
ALTER TABLE conversation
  ADD COLUMN supplier_replied_at DATETIME(6) NULL,
  ADD INDEX ix_conversation_supplier_replied (supplier_org_id, opened_by, supplier_replied_at);

UPDATE conversation c SET supplier_replied_at = (
  SELECT MAX(m.created_at) FROM conversation_message m WHERE m.conversation_id = c.id AND m.sender_org_id = c.supplier_org_id);

-- The report's event participation reads the events that ended in its window.
CREATE INDEX ix_trade_event_ends ON trade_event (ends_on, id);
