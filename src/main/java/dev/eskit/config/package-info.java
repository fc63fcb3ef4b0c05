/**
 * The Axon wiring of the deployable: the event store and its storage engine, gaps and settled
 * positions, the command bus and its retries, snapshots, serializers, dead-letter queues,
 * processors' transactions and production safeguards.
 */
package dev.eskit.config;
