/**
 * The catalog view: streams, partitions and event types with their counts, kept by a projection
 * and listed with keyset cursors.
 */
package dev.eskit.queries.catalog;
