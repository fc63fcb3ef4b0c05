/**
 * Everything that knows the event table: Axon's JDBC storage engine as configured here (gaps kept
 * until settled, timestamps parsed once, one row mapping), the head of the log that the tracking
 * processors share ({@link dev.eskit.store.LogHeadEventStore}), the schema's names, version conflicts,
 * finding a position by time, both stream readers (the JDBC table, or Axon Server with the position
 * index) and the purge of retired stream events.
 */
package dev.eskit.store;
