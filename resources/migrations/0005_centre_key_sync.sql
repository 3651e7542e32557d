-- 0005: the centre's key material travels through sync like other reference data: the public
-- key and the blind-index key to every console that files or reads tip-offs (so any console can
-- seal an identity and index it offline), and each wrapped private key only to its own user
-- (the hub filters the rows; see sync/protocol/scope.h). The hub manages the centre key itself;
-- a user pushes only their own wrap (after a password change).
ALTER TABLE tipoff_centre_key ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tipoff_centre_key ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE tipoff_centre_key ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE tipoff_centre_key ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;

ALTER TABLE tipoff_key_wraps ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tipoff_key_wraps ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE tipoff_key_wraps ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE tipoff_key_wraps ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
