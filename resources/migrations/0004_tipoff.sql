-- 0004: tip-off cases: folded full-text search, blind indexes, the centre's sealing key,
-- follow-up codes and the columns intake needs beyond 0001.

-- Intake fields 0001 has no column for. behaviours is a JSON array of short texts.
ALTER TABLE tipoffs ADD COLUMN behaviours TEXT NOT NULL DEFAULT '[]';
-- Whether the (sealed) reporter agreed to their identity being shared with other agencies: a
-- flag only, kept in clear so the case view can show it without opening the seal.
ALTER TABLE tipoffs ADD COLUMN share_with_agencies INTEGER NOT NULL DEFAULT 0;

CREATE INDEX tipoffs_due ON tipoffs(due_at) WHERE status IN ('received', 'verifying', 'assigned', 'investigating');
CREATE INDEX tipoffs_type ON tipoffs(crime_type, received_at);
CREATE INDEX tipoffs_province ON tipoffs(province_code, received_at);
CREATE INDEX tipoffs_assignee ON tipoffs(assignee, status);
CREATE INDEX tipoffs_occurred ON tipoffs(occurred_at);
CREATE INDEX tipoffs_position ON tipoffs(lat, lon);
CREATE INDEX tipoffs_merged ON tipoffs(merged_into) WHERE merged_into IS NOT NULL;
-- followup_code holds the SHA-256 (hex) of the code the reporter was given, never the code.
CREATE UNIQUE INDEX tipoffs_followup ON tipoffs(followup_code) WHERE followup_code IS NOT NULL;
CREATE INDEX tipoff_notices_tipoff ON tipoff_notices(tipoff_id, queued_at);
CREATE INDEX tipoff_notices_state ON tipoff_notices(state);
CREATE INDEX tipoff_evidence_tipoff ON tipoff_evidence(tipoff_id);

-- Full text over description and address, folded (lower case, no marks, đ -> d) by c175_fold()
-- so 'dong xuan' finds 'Đồng Xuân'. unicode61 alone would not fold đ. The FTS rowid comes from
-- tipoff_search_keys, whose INTEGER PRIMARY KEY survives VACUUM (the implicit rowid of tipoffs
-- may not). The key is the receipt time (unix seconds * 2^20 + a counter within the second), so
-- FTS5 walks matches newest first by rowid and the default list stops after one page instead of
-- sorting every match. Triggers keep it current for every writer, sync pulls included.
CREATE TABLE tipoff_search_keys (
    k         INTEGER PRIMARY KEY,
    tipoff_id TEXT NOT NULL UNIQUE REFERENCES tipoffs(id)
);
CREATE VIRTUAL TABLE tipoff_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER tipoffs_fts_insert AFTER INSERT ON tipoffs
BEGIN
    INSERT INTO tipoff_search_keys(k, tipoff_id) VALUES (
        coalesce((SELECT max(k) + 1 FROM tipoff_search_keys
                  WHERE k BETWEEN CAST(strftime('%s', new.received_at) AS INTEGER) * 1048576
                              AND CAST(strftime('%s', new.received_at) AS INTEGER) * 1048576 + 1048575),
                 CAST(strftime('%s', new.received_at) AS INTEGER) * 1048576),
        new.id);
    INSERT INTO tipoff_fts(rowid, body)
        VALUES ((SELECT k FROM tipoff_search_keys WHERE tipoff_id = new.id),
                c175_fold(new.description || ' ' || new.address));
END;
-- A tombstoned tip (deleted = 1) leaves the index, so counting matches needs no join.
CREATE TRIGGER tipoffs_fts_update AFTER UPDATE OF description, address, deleted ON tipoffs
BEGIN
    UPDATE tipoff_fts
        SET body = CASE WHEN new.deleted = 0 THEN c175_fold(new.description || ' ' || new.address)
                        ELSE '' END
        WHERE rowid = (SELECT k FROM tipoff_search_keys WHERE tipoff_id = new.id);
END;
CREATE TRIGGER tipoffs_fts_delete AFTER DELETE ON tipoffs
BEGIN
    DELETE FROM tipoff_fts WHERE rowid = (SELECT k FROM tipoff_search_keys WHERE tipoff_id = old.id);
    DELETE FROM tipoff_search_keys WHERE tipoff_id = old.id;
END;

-- Keyed blind indexes of identity fields (reporter phone/CCCD, phones, CCCDs and plates named in
-- the description): HMAC-SHA256 with the centre's blind-index key, so related tips are found
-- without the values in clear. Synced like the tip it belongs to.
CREATE TABLE tipoff_blind_index (
    id        TEXT PRIMARY KEY,
    tipoff_id TEXT NOT NULL REFERENCES tipoffs(id),
    kind      TEXT NOT NULL CHECK (kind IN ('phone', 'cccd', 'plate')),
    digest    TEXT NOT NULL,                 -- hex HMAC-SHA256
    source    TEXT NOT NULL CHECK (source IN ('reporter', 'description')),
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    UNIQUE (tipoff_id, kind, digest, source)
);
CREATE INDEX tipoff_blind_index_digest ON tipoff_blind_index(kind, digest);

-- The centre's key material. public_key: raw X25519 public key every console seals reporter
-- identities to. blind_key: the HMAC key of the blind indexes (any console must compute them
-- offline at intake, so it is not wrapped). The private key exists here only wrapped per user.
CREATE TABLE tipoff_centre_key (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    key_id     TEXT NOT NULL,                -- hex SHA-256 of public_key, first 16 characters
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    blind_key  BLOB NOT NULL CHECK (length(blind_key) = 32),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

-- The centre private key wrapped (AES-256-GCM) under a key derived from one user's password.
CREATE TABLE tipoff_key_wraps (
    username   TEXT PRIMARY KEY COLLATE NOCASE,
    key_id     TEXT NOT NULL,
    kdf        TEXT NOT NULL,                -- 'scrypt$15$8$1$<salt base64>'
    nonce      BLOB NOT NULL CHECK (length(nonce) = 12),
    wrapped    BLOB NOT NULL,                -- ciphertext || 16-byte tag
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
