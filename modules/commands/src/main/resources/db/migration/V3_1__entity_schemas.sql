-- The write side's lookup of each entity type's current JSON Schema (commands module), written in
-- the same transaction as the EntityType.Defined event, so a schema applies from the next write on.
CREATE TABLE entity_schema (
    type           VARCHAR(64) NOT NULL PRIMARY KEY,
    schema_version INTEGER     NOT NULL,
    schema_json    TEXT        NOT NULL
);
