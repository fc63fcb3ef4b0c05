/**
 * The entities' read side: the current documents and type schemas as projections, and history and
 * time travel read from the event store.
 */
package dev.eskit.queries.entity;
