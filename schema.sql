-- Applied on every boot under an advisory lock: every statement must be safe to run again.

CREATE TABLE IF NOT EXISTS notifications (
    id              uuid PRIMARY KEY,
    type            text NOT NULL CHECK (type IN ('email', 'sms', 'push', 'telegram', 'whatsapp')),
    recipient       text NOT NULL,
    subject         text NULL,
    message         text NOT NULL,
    metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
    status          text NOT NULL CHECK (status IN ('scheduled', 'pending', 'queued', 'sent', 'delivered', 'failed')),
    error           text NULL,
    send_at         timestamptz NULL,
    api_key_id      text NULL,
    idempotency_key text NULL,
    request_hash    text NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    queued_at       timestamptz NULL,
    sent_at         timestamptz NULL,
    delivered_at    timestamptz NULL,
    failed_at       timestamptz NULL
);

-- One notification per Idempotency-Key, across every gateway instance. Keys live as long as their row.
CREATE UNIQUE INDEX IF NOT EXISTS notifications_idempotency_key
    ON notifications (idempotency_key) WHERE idempotency_key IS NOT NULL;

-- The relay's two claims: stale pending rows, oldest first, and scheduled rows that have come due.
CREATE INDEX IF NOT EXISTS notifications_pending ON notifications (created_at) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS notifications_scheduled ON notifications (send_at) WHERE status = 'scheduled';

-- Keyset pages, newest first, unfiltered and by each filter.
CREATE INDEX IF NOT EXISTS notifications_newest ON notifications (created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_status_newest ON notifications (status, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_type_newest ON notifications (type, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_recipient_newest ON notifications (recipient, created_at DESC, id DESC);
