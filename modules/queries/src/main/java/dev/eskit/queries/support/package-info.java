/**
 * What the projections share: batched writes, savepoints that let a failing event be parked,
 * keyset cursors, timestamps, and a view's rollback to the event store.
 */
package dev.eskit.queries.support;
