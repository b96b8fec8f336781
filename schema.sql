-- Append-only steps, applied in order on boot (gateway.apply_schema): each `-- step N:` runs once, in one
-- transaction with the others pending, and is recorded in `schema_steps`. Never edit a step that has run
-- anywhere; append a new one.

-- step 1: the schema as first released. IF NOT EXISTS lets it adopt a database made before steps were recorded.
-- `status` records the lifecycle; a notification stored for immediate sending is stored as 'queued' with
-- a row in `outbox` until the broker confirms it, and the API shows it as 'pending' while that row exists.
-- Publishing so deletes a small outbox row instead of updating this table and every one of its indexes.
CREATE TABLE IF NOT EXISTS notifications (
    id              uuid PRIMARY KEY,
    type            text NOT NULL CHECK (type IN ('email', 'sms', 'push', 'telegram', 'whatsapp')),
    recipient       text NOT NULL,
    subject         text NULL,
    message         text NOT NULL,
    metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
    status          text NOT NULL CHECK (status IN ('scheduled', 'queued', 'sent', 'delivered', 'failed')),
    error           text NULL,
    send_at         timestamptz NULL,
    api_key_id      text NULL,
    idempotency_key text NULL,
    request_hash    text NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    sent_at         timestamptz NULL,
    delivered_at    timestamptz NULL,
    failed_at       timestamptz NULL
);

-- Notifications stored but not yet confirmed by the broker. `publish_after` is when the relay may take one
-- over from the request that is publishing it (its creation plus the relay's grace period).
CREATE TABLE IF NOT EXISTS outbox (
    id            uuid PRIMARY KEY,
    publish_after timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (publish_after);

-- One notification per Idempotency-Key, across every gateway instance. Keys live as long as their row.
CREATE UNIQUE INDEX IF NOT EXISTS notifications_idempotency_key
    ON notifications (idempotency_key) WHERE idempotency_key IS NOT NULL;

-- The relay's second claim: scheduled notifications that have come due.
CREATE INDEX IF NOT EXISTS notifications_scheduled ON notifications (send_at) WHERE status = 'scheduled';

-- Keyset pages, newest first, unfiltered and by each filter.
CREATE INDEX IF NOT EXISTS notifications_newest ON notifications (created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_status_newest ON notifications (status, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_type_newest ON notifications (type, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS notifications_recipient_newest ON notifications (recipient, created_at DESC, id DESC);

-- step 2: recipients are indexed by their MD5, since a random push token of 4,096 characters (or 1,500 CJK
-- ones) exceeds the 2,704 bytes of a btree entry and its row was refused. Listing matches the MD5, then the text.
DROP INDEX notifications_recipient_newest;
CREATE INDEX notifications_recipient_newest ON notifications (md5(recipient), created_at DESC, id DESC);

-- step 3: a notification belongs to the client whose key created it, and only that client reads, lists or
-- replays it: Idempotency-Keys are unique per client and every listing index leads with the client.
ALTER TABLE notifications ADD COLUMN client text NOT NULL DEFAULT 'default';
DROP INDEX notifications_idempotency_key;
CREATE UNIQUE INDEX notifications_idempotency_key
    ON notifications (client, idempotency_key) WHERE idempotency_key IS NOT NULL;
DROP INDEX notifications_newest, notifications_status_newest, notifications_type_newest,
    notifications_recipient_newest;
CREATE INDEX notifications_newest ON notifications (client, created_at DESC, id DESC);
CREATE INDEX notifications_status_newest ON notifications (client, status, created_at DESC, id DESC);
CREATE INDEX notifications_type_newest ON notifications (client, type, created_at DESC, id DESC);
CREATE INDEX notifications_recipient_newest ON notifications (client, md5(recipient), created_at DESC, id DESC);

-- step 4: channels are defined once, by `ChannelType` in gateway.py, which refuses any other type before a row
-- is written: a CHECK listing them here again would make adding a channel a schema step too.
ALTER TABLE notifications DROP CONSTRAINT notifications_type_check;

-- step 5: delivery-status callbacks. Each status change of a notification with a `callback_url` adds a row
-- here in the statement that records the change, as the outbox does for publishing; every instance's sender
-- claims due rows. One notification's callbacks go out one at a time, in the order of its lifecycle
-- (`position`, the status's place in it; `seq` among equals): a `queued` change committed concurrently
-- with a worker's `sent` may get the later `seq`, never the later place. `attempts` keeps each try.
ALTER TABLE notifications ADD COLUMN callback_url text NULL;
CREATE TABLE callbacks (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),  -- the webhook-id, the same on every retry
    seq             bigint GENERATED ALWAYS AS IDENTITY,
    notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    position        int NOT NULL,
    type            text NOT NULL,  -- notification.<status>
    url             text NOT NULL,
    data            jsonb NOT NULL,  -- the notification as GET showed it right after the change
    created_at      timestamptz NOT NULL,
    state           text NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'delivered', 'failed', 'gone', 'stopped')),
    next_attempt_at timestamptz NULL,  -- when a pending one is due, or until when an instance holds it
    attempts        jsonb NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX callbacks_due ON callbacks (next_attempt_at) WHERE state = 'pending';
CREATE INDEX callbacks_of_notification ON callbacks (notification_id, position, seq);

-- step 6: `cancelled`, the final status of a scheduled notification taken back before it was published.
ALTER TABLE notifications DROP CONSTRAINT notifications_status_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
    CHECK (status IN ('scheduled', 'queued', 'sent', 'delivered', 'failed', 'cancelled'));

-- step 7: retention (GATEWAY_RETENTION_DAYS). The purge reads final notifications oldest change first; this
-- index holds only those, by `updated_at`, so it finds a batch without reading live rows. A status added to
-- FINAL needs a step that recreates it with that status too (a test checks that the purge uses it).
CREATE INDEX notifications_final_by_age ON notifications (updated_at)
    WHERE status IN ('delivered', 'failed', 'cancelled');
