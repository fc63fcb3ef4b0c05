-- Raw streams' deletions (queries module), written by the subscribing processor `stream-lifecycle` in
-- the transaction that stores the deletion, so that reads hide a deleted stream at once.
CREATE TABLE stream_lifecycle (
    stream_id       VARCHAR(255) NOT NULL PRIMARY KEY,
    -- the version of the latest deletion: reads show only the events after it
    deleted_through BIGINT       NOT NULL,
    -- deleted for ever: reads and appends answer 410
    tombstoned      BOOLEAN      NOT NULL
);
