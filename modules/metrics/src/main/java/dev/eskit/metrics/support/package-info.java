/**
 * What the metrics module's packages share: Axon's timers with percentiles, and a value read again
 * only once it is stale.
 */
package dev.eskit.metrics.support;
