/** Counts of stored events by partition and type, and the log's head and lag, for Prometheus. */
package dev.eskit.metrics.events;
