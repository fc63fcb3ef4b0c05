package dev.eskit.commands.api.entity;

import dev.eskit.commands.api.NamedEvent;

/** A change of one entity; in the log it is {@code <Type>.Created}, {@code .Updated} or {@code .Deleted}. */
public sealed interface EntityEvent extends NamedEvent permits EntityCreated, EntityUpdated, EntityDeleted {

    String type();

    String entityId();

    /** Created, Updated or Deleted. */
    String action();

    @Override
    default String eventType() {
        return type() + "." + action();
    }
}
