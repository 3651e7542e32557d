-- 0001: the first schema of the C175 cache (and of the hub's store).
-- Conventions: synced rows have a UUIDv7 text id and the sync columns
--   rev        hub sequence number when the hub last accepted the row (0 = never synced)
--   updated_at hybrid logical clock, text that sorts in time order
--   updated_by user name of whoever changed the row last
--   deleted    1 = tombstone (kept so the deletion syncs)
-- Times are ISO 8601 UTC text ('2026-12-03T13:11:38Z'); days are 'YYYY-MM-DD'.
-- Money is whole VND in INTEGER. Coordinates are WGS84 degrees.

-- ---------------------------------------------------------------- geodata
CREATE TABLE admin_units (
    code        TEXT PRIMARY KEY,           -- '01' province, '00004' commune, 'VN-HN' pre-2025
    layer       TEXT NOT NULL CHECK (layer IN ('2025', 'pre2025')),
    level       TEXT NOT NULL CHECK (level IN ('province', 'commune')),
    parent_code TEXT REFERENCES admin_units(code),
    name        TEXT NOT NULL,
    name_en     TEXT,
    full_name   TEXT,
    area_km2    REAL CHECK (area_km2 IS NULL OR area_km2 > 0),  -- official area, never from shapes
    population  INTEGER CHECK (population IS NULL OR population >= 0),
    pop_year    INTEGER,
    pop_source  TEXT,
    min_lon REAL, min_lat REAL, max_lon REAL, max_lat REAL,
    geometry    TEXT,                        -- GeoJSON geometry object
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX admin_units_parent ON admin_units(parent_code);
CREATE INDEX admin_units_level ON admin_units(layer, level);

-- ---------------------------------------------------------------- accounts, audit
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('operator', 'case_officer', 'welfare_reviewer',
                                                'welfare_approver', 'analyst', 'admin')),
    province_code TEXT,                      -- area scope; NULL = whole country
    password_hash TEXT NOT NULL,             -- 'scrypt$N$r$p$salt$hash' (base64)
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT,                      -- UTC; NULL = not locked
    disabled      INTEGER NOT NULL DEFAULT 0,
    totp_secret   TEXT,
    created_at    TEXT NOT NULL,
    last_login_at TEXT
);

CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,          -- 1, 2, 3 ... without gaps
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,                 -- 'login', 'login_failed', 'create', 'update', 'reveal', ...
    entity    TEXT NOT NULL DEFAULT '',
    entity_id TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,                 -- hex SHA-256 of the previous entry ('' x64 '0' for the first)
    hash      TEXT NOT NULL
);
-- The newest entry's seq and hash, kept apart so cutting entries off the end is detected.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- ---------------------------------------------------------------- kiosk fleet
CREATE TABLE kiosks (
    id            TEXT PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,      -- 'KIOSK-01-0001'
    name          TEXT NOT NULL,
    province_code TEXT NOT NULL,
    commune_code  TEXT,
    address       TEXT NOT NULL DEFAULT '',
    lat REAL NOT NULL, lon REAL NOT NULL,
    model         TEXT NOT NULL DEFAULT '',
    installed_on  TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('online', 'offline', 'fault', 'maintenance')),
    last_heartbeat_at TEXT,
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX kiosks_province ON kiosks(province_code);

CREATE TABLE kiosk_heartbeats (
    id         TEXT PRIMARY KEY,
    kiosk_id   TEXT NOT NULL REFERENCES kiosks(id),
    at         TEXT NOT NULL,
    cpu_pct    REAL, disk_free_pct REAL, paper_pct REAL,
    network_ok INTEGER NOT NULL DEFAULT 1,
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX kiosk_heartbeats_kiosk ON kiosk_heartbeats(kiosk_id, at);

CREATE TABLE kiosk_usage_daily (
    id        TEXT PRIMARY KEY,
    kiosk_id  TEXT NOT NULL REFERENCES kiosks(id),
    day       TEXT NOT NULL,
    sessions  INTEGER NOT NULL CHECK (sessions >= 0),
    completed INTEGER NOT NULL CHECK (completed >= 0 AND completed <= sessions),
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kiosk_id, day)
);

CREATE TABLE kiosk_faults (
    id          TEXT PRIMARY KEY,
    kiosk_id    TEXT NOT NULL REFERENCES kiosks(id),
    kind        TEXT NOT NULL CHECK (kind IN ('printer', 'scanner', 'card_reader', 'screen',
                                              'network', 'power', 'software')),
    opened_at   TEXT NOT NULL,
    resolved_at TEXT,                        -- NULL = still open; repair time = resolved - opened
    description TEXT NOT NULL DEFAULT '',
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX kiosk_faults_kiosk ON kiosk_faults(kiosk_id);

CREATE TABLE kiosk_maintenance (
    id           TEXT PRIMARY KEY,
    kiosk_id     TEXT NOT NULL REFERENCES kiosks(id),
    scheduled_on TEXT NOT NULL,
    done_on      TEXT,
    technician   TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);

-- Who may administer each kiosk.
CREATE TABLE kiosk_admins (
    kiosk_id TEXT NOT NULL REFERENCES kiosks(id),
    user_id  TEXT NOT NULL REFERENCES users(id),
    PRIMARY KEY (kiosk_id, user_id)
);

-- ---------------------------------------------------------------- camera alerts
CREATE TABLE cameras (
    id            TEXT PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,      -- 'CAM-79-0001'
    name          TEXT NOT NULL,
    site_type     TEXT NOT NULL CHECK (site_type IN ('tourist', 'industrial', 'station')),
    site_name     TEXT NOT NULL,
    province_code TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('online', 'offline', 'fault')),
    last_seen_at  TEXT,
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE camera_alerts (
    id          TEXT PRIMARY KEY,
    camera_id   TEXT NOT NULL REFERENCES cameras(id),
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('restricted_zone', 'intrusion', 'abnormal_behaviour',
                                              'crowd_overload', 'vehicle_violation')),
    severity    INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 3),   -- 1 low, 2 medium, 3 high
    confidence  REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    plate       TEXT,                        -- for vehicle_violation
    people      INTEGER,                     -- for crowd_overload
    triage      TEXT NOT NULL DEFAULT 'new' CHECK (triage IN ('new', 'acknowledged', 'dispatched',
                                                              'dismissed', 'resolved')),
    handled_by  TEXT,
    note        TEXT NOT NULL DEFAULT '',
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX camera_alerts_at ON camera_alerts(at);
CREATE INDEX camera_alerts_camera ON camera_alerts(camera_id);

-- People through a camera's gate, per hour.
CREATE TABLE gate_counts (
    id        TEXT PRIMARY KEY,
    camera_id TEXT NOT NULL REFERENCES cameras(id),
    hour      TEXT NOT NULL,                 -- '2026-12-03T13:00:00Z'
    entries   INTEGER NOT NULL CHECK (entries >= 0),
    exits     INTEGER NOT NULL CHECK (exits >= 0),
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    UNIQUE (camera_id, hour)
);

-- ---------------------------------------------------------------- tip-offs
CREATE TABLE tipoffs (
    id              TEXT PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,    -- 'TG-2026-000123'
    crime_type      TEXT NOT NULL CHECK (crime_type IN ('criminal', 'economic', 'drugs',
                                         'environment', 'cyber', 'traffic', 'other')),
    subtype         TEXT NOT NULL DEFAULT '',
    description     TEXT NOT NULL CHECK (length(description) <= 1000),
    lat REAL, lon REAL,
    address         TEXT NOT NULL DEFAULT '',
    province_code   TEXT,
    commune_code    TEXT,
    occurred_at     TEXT,
    discovered_at   TEXT,
    received_at     TEXT NOT NULL,
    channel         TEXT NOT NULL CHECK (channel IN ('vneid', 'hotline', 'web', 'in_person')),
    anonymous       INTEGER NOT NULL DEFAULT 1,
    reporter_sealed BLOB,                    -- identity sealed to the centre's key; never clear text
    followup_code   TEXT,                    -- how an anonymous reporter follows the case
    notice_channel  TEXT CHECK (notice_channel IS NULL OR notice_channel IN ('vneid', 'sms', 'email', 'followup')),
    people_involved  INTEGER NOT NULL DEFAULT 0 CHECK (people_involved >= 0),
    objects_involved INTEGER NOT NULL DEFAULT 0 CHECK (objects_involved >= 0),
    status          TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'verifying',
                        'assigned', 'investigating', 'concluded', 'closed', 'rejected', 'merged')),
    outcome         TEXT CHECK (outcome IS NULL OR outcome IN ('substantiated', 'unsubstantiated')),
    assignee        TEXT,                    -- user name
    due_at          TEXT,
    concluded_at    TEXT,
    closed_at       TEXT,
    merged_into     TEXT REFERENCES tipoffs(id),
    satisfaction    INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tipoffs_status ON tipoffs(status);
CREATE INDEX tipoffs_received ON tipoffs(received_at);

CREATE TABLE tipoff_history (
    id          TEXT PRIMARY KEY,
    tipoff_id   TEXT NOT NULL REFERENCES tipoffs(id),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tipoff_history_tipoff ON tipoff_history(tipoff_id, at);

CREATE TABLE tipoff_evidence (
    id          TEXT PRIMARY KEY,
    tipoff_id   TEXT NOT NULL REFERENCES tipoffs(id),
    sha256      TEXT NOT NULL,
    media_type  TEXT NOT NULL,               -- checked from the content, not the name
    size_bytes  INTEGER NOT NULL CHECK (size_bytes >= 0),
    file_name   TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tipoff_notices (
    id          TEXT PRIMARY KEY,
    tipoff_id   TEXT NOT NULL REFERENCES tipoffs(id),
    channel     TEXT NOT NULL,
    message     TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'delivered', 'failed')),
    queued_at   TEXT NOT NULL,
    sent_at     TEXT,
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);

-- ---------------------------------------------------------------- social protection
CREATE TABLE households (
    id                 TEXT PRIMARY KEY,
    code               TEXT NOT NULL UNIQUE,   -- 'HGD-01-000001'
    head_name          TEXT NOT NULL,
    province_code      TEXT NOT NULL,
    commune_code       TEXT,
    address            TEXT NOT NULL DEFAULT '',
    members            INTEGER NOT NULL CHECK (members >= 1),
    monthly_income_vnd INTEGER NOT NULL CHECK (monthly_income_vnd >= 0),
    poor_certified     INTEGER NOT NULL DEFAULT 0,
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE beneficiaries (
    id           TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id),
    full_name    TEXT NOT NULL,
    cccd         TEXT NOT NULL UNIQUE,
    birth_date   TEXT NOT NULL,
    sex          TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    phone        TEXT,
    disability   INTEGER NOT NULL DEFAULT 0,   -- 0 none, 1 moderate, 2 severe, 3 especially severe
    unemployed   INTEGER NOT NULL DEFAULT 0,
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX beneficiaries_household ON beneficiaries(household_id);

CREATE TABLE programmes (
    id                 TEXT PRIMARY KEY,
    code               TEXT NOT NULL UNIQUE,
    name               TEXT NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('monthly_allowance', 'one_off', 'health_insurance',
                                                     'unemployment', 'disaster_relief')),
    amount_vnd         INTEGER NOT NULL CHECK (amount_vnd > 0),
    income_ceiling_vnd INTEGER,               -- per person per month; NULL = no income test
    requires_disability INTEGER NOT NULL DEFAULT 0,
    requires_unemployed INTEGER NOT NULL DEFAULT 0,
    starts_on TEXT NOT NULL, ends_on TEXT,
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE applications (
    id              TEXT PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    beneficiary_id  TEXT NOT NULL REFERENCES beneficiaries(id),
    programme_id    TEXT NOT NULL REFERENCES programmes(id),
    period          TEXT NOT NULL,            -- '2026' or '2026-Q4': one support per programme and period
    submitted_at    TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('submitted', 'under_review', 'recommended',
                                                    'approved', 'rejected', 'paid')),
    reviewer        TEXT,
    approver        TEXT,
    decision_note   TEXT NOT NULL DEFAULT '',
    payment_channel TEXT CHECK (payment_channel IS NULL OR payment_channel IN ('bank', 'post', 'cash', 'e_wallet')),
    amount_vnd      INTEGER NOT NULL CHECK (amount_vnd >= 0),
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    UNIQUE (beneficiary_id, programme_id, period)
);
CREATE INDEX applications_status ON applications(status);

-- ---------------------------------------------------------------- tourism and lodging
CREATE TABLE lodgings (
    id            TEXT PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,      -- 'LT-01-00001'
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('hotel', 'guesthouse', 'homestay', 'resort', 'apartment')),
    stars         INTEGER CHECK (stars IS NULL OR stars BETWEEN 1 AND 5),
    rooms         INTEGER NOT NULL CHECK (rooms >= 1),
    province_code TEXT NOT NULL,
    commune_code  TEXT,
    address       TEXT NOT NULL DEFAULT '',
    lat REAL, lon REAL,
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE stays (
    id                  TEXT PRIMARY KEY,
    lodging_id          TEXT NOT NULL REFERENCES lodgings(id),
    check_in            TEXT NOT NULL,        -- day
    check_out           TEXT NOT NULL,        -- day, after check_in
    nights              INTEGER NOT NULL CHECK (nights >= 1),
    guests              INTEGER NOT NULL CHECK (guests >= 1),
    nationality         TEXT NOT NULL,        -- ISO 3166-1 alpha-2; 'VN' = domestic
    home_province_code  TEXT,                 -- domestic guests
    rev INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL DEFAULT '', updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    CHECK (check_out > check_in)
);
CREATE INDEX stays_lodging ON stays(lodging_id, check_in);
CREATE INDEX stays_check_in ON stays(check_in);

-- ---------------------------------------------------------------- sync bookkeeping
-- A local edit and its outbox entry commit in one transaction (DESIGN.md).
CREATE TABLE sync_outbox (
    op_id      TEXT PRIMARY KEY,
    entity     TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    payload    TEXT NOT NULL,                -- JSON of the changed fields
    base_rev   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
