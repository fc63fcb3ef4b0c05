-- The gatherings view and who attends what (queries module).
CREATE TABLE gathering_view (
    id            UUID                     NOT NULL PRIMARY KEY,
    kind          VARCHAR(20)              NOT NULL,
    name          VARCHAR(300),
    name_key      VARCHAR(300),
    venue_name    VARCHAR(300),
    venue_address VARCHAR(500),
    country       VARCHAR(2),
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    capacity      INTEGER                  NOT NULL,
    attendees     INTEGER                  NOT NULL,
    status        VARCHAR(20)              NOT NULL,
    version       BIGINT                   NOT NULL
);
CREATE INDEX ix_gathering_view_start ON gathering_view (starts_at, id);

CREATE TABLE gathering_attendee (
    gathering_id UUID NOT NULL,
    user_id      UUID NOT NULL,
    PRIMARY KEY (gathering_id, user_id)
);
CREATE INDEX ix_gathering_attendee_user ON gathering_attendee (user_id);
