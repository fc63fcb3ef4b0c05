-- Where each stream event sits in the global log, kept by the processor `stream-positions` when the
-- store's own stream reads carry no global position (Axon Server; eskit.store.reads=event-store).
CREATE TABLE stream_position (
    stream_id VARCHAR(255) NOT NULL,
    version   BIGINT       NOT NULL,
    position  BIGINT       NOT NULL,
    PRIMARY KEY (stream_id, version)
);
