/**
 * The Axon wiring of the deployable around the store: the command bus and its retries, snapshots,
 * serializers, message correlation and logging, processors' transactions, Axon Server's readiness
 * and production safeguards.
 */
package dev.eskit.config;
