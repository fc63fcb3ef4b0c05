-- The users view (queries module); name and email are "[erased]" after erasure.
CREATE TABLE user_view (
    id            UUID                     NOT NULL PRIMARY KEY,
    name          VARCHAR(500),
    email         VARCHAR(500),
    email_key     VARCHAR(500),
    status        VARCHAR(20)              NOT NULL,
    version       BIGINT                   NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_user_view_email ON user_view (email_key);
