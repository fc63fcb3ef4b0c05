package dev.eskit.queries.entity;

import java.time.Instant;

/** One row of {@code entity_view} as a batch of the projection changes it; {@code stored} once it exists in the table. */
record EntityRow(String type, String entityId, long version, String document, Instant createdAt, Instant updatedAt,
                 boolean deleted, boolean stored) {

    static EntityRow created(String type, String entityId, String document, Instant at) {
        return new EntityRow(type, entityId, 1, document, at, at, false, false);
    }

    EntityRow updated(long version, String document, Instant at) {
        return new EntityRow(type, entityId, version, document, createdAt, at, deleted, stored);
    }

    EntityRow deleted(long version, Instant at) {
        return new EntityRow(type, entityId, version, document, createdAt, at, true, stored);
    }

    Key key() {
        return new Key(type, entityId);
    }

    /** An entity's identity within its type. */
    record Key(String type, String entityId) {
    }
}
