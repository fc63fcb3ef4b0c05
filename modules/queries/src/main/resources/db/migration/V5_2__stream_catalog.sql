-- The catalog of the log (queries module), kept by the tracking processor `catalog` for listings:
-- every stream with its partition and version, and the event counts per partition and event type.
CREATE TABLE catalog_stream (
    stream_id  VARCHAR(255)             NOT NULL PRIMARY KEY,
    partition  VARCHAR(255)             NOT NULL,
    version    BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- a partition's streams by id
CREATE INDEX catalog_stream_partition ON catalog_stream (partition, stream_id);

CREATE TABLE catalog_partition (
    name    VARCHAR(255) NOT NULL PRIMARY KEY,
    events  BIGINT       NOT NULL,
    streams BIGINT       NOT NULL
);

CREATE TABLE catalog_event_type (
    name   VARCHAR(255) NOT NULL PRIMARY KEY,
    events BIGINT       NOT NULL
);
