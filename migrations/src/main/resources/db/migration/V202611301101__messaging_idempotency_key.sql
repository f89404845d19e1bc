-- Journeys (#6) send with an idempotency key (run + node): a retried step finds the delivery it
-- already queued instead of sending again. NULL for every other send (a unique index allows many).
ALTER TABLE messaging_delivery
  ADD COLUMN idempotency_key VARCHAR(100) NULL,
  ADD UNIQUE KEY uq_messaging_delivery_idempotency (workspace_id, idempotency_key);
