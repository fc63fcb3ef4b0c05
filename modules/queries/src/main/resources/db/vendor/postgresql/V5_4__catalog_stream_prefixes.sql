-- A listing filtered by an id prefix (stream_id LIKE 'prefix%'): under a collation other than C,
-- PostgreSQL uses a btree index for LIKE only with the pattern operator class.
CREATE INDEX catalog_stream_id_pattern ON catalog_stream (stream_id text_pattern_ops);
