-- The entity store's read tables (queries module), kept by subscribing projections.
CREATE TABLE entity_view (
    type       VARCHAR(64)              NOT NULL,
    entity_id  VARCHAR(128)             NOT NULL,
    version    BIGINT                   NOT NULL,
    document   TEXT                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted    BOOLEAN                  NOT NULL,
    PRIMARY KEY (type, entity_id)
);

CREATE TABLE entity_type_view (
    type           VARCHAR(64)              NOT NULL PRIMARY KEY,
    schema_version INTEGER                  NOT NULL,
    schema_json    TEXT                     NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
