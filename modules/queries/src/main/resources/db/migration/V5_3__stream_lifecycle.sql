-- Raw streams' deletions and metadata (queries module), written by the subscribing processor
-- `stream-lifecycle` in the unit of work that stores them, so that reads follow them at once.
CREATE TABLE stream_lifecycle (
    stream_id        VARCHAR(255) NOT NULL PRIMARY KEY,
    -- the version of the latest deletion: reads show only the events after it
    deleted_through  BIGINT       DEFAULT 0 NOT NULL,
    -- deleted for ever: reads and appends answer 410
    tombstoned       BOOLEAN      DEFAULT FALSE NOT NULL,
    -- the metadata's own version, 0 while the stream has none; null limits are no limits
    metadata_version BIGINT       DEFAULT 0 NOT NULL,
    max_age_seconds  BIGINT,
    max_count        BIGINT,
    truncate_before  BIGINT,
    custom_metadata  TEXT
);
