package dev.eskit.queries.api;

import org.axonframework.eventhandling.EventMessage;

/** Describes a stored event the way every reader sees it: id, stream, type, version, data and metadata. */
public interface EventDescriber {

    /**
     * Describes the event. Personal values show as plaintext (or erased) when {@code revealPersonalData},
     * and stay sealed otherwise, as they must whenever the event leaves the store.
     */
    LoggedEvent describe(EventMessage<?> message, long position, boolean revealPersonalData);

}
