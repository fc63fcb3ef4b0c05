package dev.eskit.queries.entity;

import dev.eskit.commands.api.entity.EntityState;

/** One row of {@code entity_view} as a batch of the projection changes it; {@code stored} once it exists in the table. */
record EntityRow(String type, String entityId, EntityState state, boolean stored) {

    EntityRow now(EntityState next) {
        return new EntityRow(type, entityId, next, stored);
    }

    Key key() {
        return new Key(type, entityId);
    }

    /** An entity's identity within its type. */
    record Key(String type, String entityId) {
    }
}
