/**
 * The projections' dead letters as the API lists, retries and deletes them, over Axon's sequenced
 * dead-letter queues.
 */
package dev.eskit.metrics.deadletters;
