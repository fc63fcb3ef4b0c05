-- Stream ids compare byte by byte (code point order for UTF-8), as H2 compares them: listings come in
-- the same order on both stores whatever the database's locale, and the primary key now serves an id
-- prefix (LIKE 'prefix%'), so the pattern-operator index of V5_4, a second write per new stream at a
-- random place, goes.
ALTER TABLE catalog_stream ALTER COLUMN stream_id TYPE VARCHAR(255) COLLATE "C";
DROP INDEX catalog_stream_id_pattern;
