-- Deliveries of one object to one endpoint go out in the order of their events (not of the deliveries' own IDs:
-- two instances may fan out a later event first), and wait while an earlier event of the object is not fanned out.
ALTER TABLE webhook_delivery ADD KEY ix_webhook_delivery_event_order (endpoint_id, object_id, event_id);
ALTER TABLE webhook_event ADD KEY ix_webhook_event_object (object_id, id);
ALTER TABLE webhook_delivery DROP KEY ix_webhook_delivery_order;
