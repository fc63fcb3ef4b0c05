-- Named consumers' saved places in the global log (queries module).
CREATE TABLE consumer_checkpoint (
    name         VARCHAR(128)             NOT NULL PRIMARY KEY,
    cursor_value VARCHAR(8192)            NOT NULL,
    position     BIGINT                   NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
