/**
 * Axon's messages timed and counted as {@code axon-micrometer} names them, with meters looked up once
 * per payload type; histogram buckets for the dashboards, no client-side percentiles.
 */
package dev.eskit.metrics.axon;
