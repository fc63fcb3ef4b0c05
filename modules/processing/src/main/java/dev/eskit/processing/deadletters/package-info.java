/**
 * The projections' dead-letter queues: Axon's JDBC queue on the {@code dead_letter_entry} table, and
 * the letters as the API lists, retries and deletes them.
 */
package dev.eskit.processing.deadletters;
