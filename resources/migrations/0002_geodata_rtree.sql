-- 0002: an R*Tree over the bounding boxes of admin_units, so the map loads only the units in
-- view and locating a point tests only the units whose box holds it.
-- The R*Tree needs integer ids; admin_units is keyed by its text code, and its implicit rowid
-- may change on VACUUM, so a small table gives every code a stable integer id.
CREATE TABLE admin_unit_ids (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE
);

CREATE VIRTUAL TABLE admin_units_rtree USING rtree(
    id, min_lon, max_lon, min_lat, max_lat,
    +code TEXT, +layer TEXT, +level TEXT
);

-- Kept in step by triggers, so rows that arrive by sync are indexed like imported ones.
-- (No INSERT OR IGNORE/REPLACE in the bodies: an outer statement's conflict policy, such as an
-- upsert's, would override them.)
CREATE TRIGGER admin_units_rtree_insert AFTER INSERT ON admin_units
WHEN new.min_lon IS NOT NULL AND new.deleted = 0
BEGIN
    INSERT INTO admin_unit_ids(code)
        SELECT new.code WHERE NOT EXISTS (SELECT 1 FROM admin_unit_ids WHERE code = new.code);
    DELETE FROM admin_units_rtree WHERE id = (SELECT id FROM admin_unit_ids WHERE code = new.code);
    INSERT INTO admin_units_rtree(id, min_lon, max_lon, min_lat, max_lat, code, layer, level)
    VALUES ((SELECT id FROM admin_unit_ids WHERE code = new.code),
            new.min_lon, new.max_lon, new.min_lat, new.max_lat, new.code, new.layer, new.level);
END;

CREATE TRIGGER admin_units_rtree_delete AFTER DELETE ON admin_units
BEGIN
    DELETE FROM admin_units_rtree WHERE id = (SELECT id FROM admin_unit_ids WHERE code = old.code);
    DELETE FROM admin_unit_ids WHERE code = old.code;
END;

CREATE TRIGGER admin_units_rtree_update
AFTER UPDATE OF code, layer, level, min_lon, min_lat, max_lon, max_lat, deleted ON admin_units
BEGIN
    DELETE FROM admin_units_rtree WHERE id = (SELECT id FROM admin_unit_ids WHERE code = old.code);
    DELETE FROM admin_unit_ids WHERE code = old.code AND old.code <> new.code;
    INSERT INTO admin_unit_ids(code)
        SELECT new.code WHERE new.min_lon IS NOT NULL AND new.deleted = 0
        AND NOT EXISTS (SELECT 1 FROM admin_unit_ids WHERE code = new.code);
    INSERT INTO admin_units_rtree(id, min_lon, max_lon, min_lat, max_lat, code, layer, level)
        SELECT (SELECT id FROM admin_unit_ids WHERE code = new.code),
               new.min_lon, new.max_lon, new.min_lat, new.max_lat, new.code, new.layer, new.level
        WHERE new.min_lon IS NOT NULL AND new.deleted = 0;
END;

-- Rows already present when this migration runs.
INSERT INTO admin_unit_ids(code)
    SELECT code FROM admin_units WHERE min_lon IS NOT NULL AND deleted = 0;
INSERT INTO admin_units_rtree(id, min_lon, max_lon, min_lat, max_lat, code, layer, level)
    SELECT i.id, u.min_lon, u.max_lon, u.min_lat, u.max_lat, u.code, u.layer, u.level
    FROM admin_units u JOIN admin_unit_ids i ON i.code = u.code;
