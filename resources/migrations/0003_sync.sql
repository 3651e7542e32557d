-- 0003: sync bookkeeping beyond 0001 (console side) and the hub's own tables.
-- The same migrations run in the console cache and in the hub store; each side uses its tables.

-- ---------------------------------------------------------------- console side
-- Outbox entries are pushed in rowid order. hlc and actor travel with the operation;
-- state 'held' = kept back because the row has an open conflict.
ALTER TABLE sync_outbox ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_outbox ADD COLUMN actor TEXT NOT NULL DEFAULT '';
CREATE INDEX sync_outbox_row ON sync_outbox(entity, row_id);

-- The row as it was at its last synced revision, kept while the row has local changes not yet
-- accepted by the hub: the "base" of the three-way merge. Captured by BEFORE UPDATE triggers
-- that the engine installs from the live schema (changes::installCaptureTriggers).
CREATE TABLE sync_base (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    rev    INTEGER NOT NULL,
    json   TEXT NOT NULL,                  -- JSON object column -> value (blobs as hex)
    PRIMARY KEY (entity, row_id)
) WITHOUT ROWID;

-- The same field changed here and at the hub: a person decides (mine / theirs / edited).
-- base, mine, theirs and value are JSON values (text '"x"', number, 'null').
CREATE TABLE sync_conflicts (
    id         TEXT PRIMARY KEY,
    entity     TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    field      TEXT NOT NULL,
    base       TEXT,                        -- NULL = no base known (row born on both sides)
    mine       TEXT NOT NULL,
    theirs     TEXT NOT NULL,
    theirs_rev INTEGER NOT NULL,
    state      TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
    created_at TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT,
    decision   TEXT CHECK (decision IS NULL OR decision IN ('mine', 'theirs', 'edited')),
    value      TEXT                         -- the value decided
);
CREATE INDEX sync_conflicts_row ON sync_conflicts(entity, row_id, state);

-- Operations the hub refused (no permission, a rule of the schema): kept so a person sees why.
CREATE TABLE sync_rejected (
    op_id   TEXT PRIMARY KEY,
    entity  TEXT NOT NULL,
    row_id  TEXT NOT NULL,
    op      TEXT NOT NULL,
    payload TEXT NOT NULL,
    reason  TEXT NOT NULL,
    at      TEXT NOT NULL
);

-- ---------------------------------------------------------------- hub side
-- The hub's sequence: one entry per row, at the sequence number of its latest change
-- (rows carry the same number in rev). Pull walks it in order from a cursor.
CREATE TABLE hub_log (
    seq    INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    UNIQUE (entity, row_id)
);

-- Every operation applied or refused, by op_id, so a replayed push is answered, not re-applied.
CREATE TABLE hub_ops (
    op_id  TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('accepted', 'conflict', 'rejected')),
    rev    INTEGER NOT NULL DEFAULT 0,
    reason TEXT NOT NULL DEFAULT '',
    actor  TEXT NOT NULL,
    at     TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE hub_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Rotating refresh tokens, stored as SHA-256 of the token. A token used twice revokes its family.
CREATE TABLE hub_refresh_tokens (
    token_hash  TEXT PRIMARY KEY,
    family      TEXT NOT NULL,
    username    TEXT NOT NULL,
    issued_at   TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT,                        -- set when rotated
    revoked_at  TEXT
);
CREATE INDEX hub_refresh_family ON hub_refresh_tokens(family);

-- Attachments addressed by SHA-256, uploaded in chunks at increasing offsets.
CREATE TABLE hub_attachments (
    sha256     TEXT PRIMARY KEY,
    size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
    media_type TEXT NOT NULL,
    received   INTEGER NOT NULL DEFAULT 0,
    complete   INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE hub_attachment_chunks (
    sha256 TEXT NOT NULL REFERENCES hub_attachments(sha256),
    offset INTEGER NOT NULL,
    data   BLOB NOT NULL,
    PRIMARY KEY (sha256, offset)
);
