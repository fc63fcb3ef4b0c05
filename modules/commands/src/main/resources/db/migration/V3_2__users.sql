-- The users domain's write-side tables (commands module).

-- one key per data subject; deleting the row erases every value sealed with it (crypto-shredding)
CREATE TABLE personal_data_key (
    subject   VARCHAR(255) NOT NULL PRIMARY KEY,
    key_bytes BYTEA        NOT NULL
);

-- active users by the keyed digest of their email: the uniqueness an aggregate cannot check alone
CREATE TABLE user_email (
    email_digest CHAR(64)    NOT NULL PRIMARY KEY,
    user_id      VARCHAR(64) NOT NULL
);
CREATE INDEX ix_user_email_user ON user_email (user_id);
