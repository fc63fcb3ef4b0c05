/**
 * What other modules may use of the metrics module: the event processors' status and replays,
 * and the projections' dead letters. The metrics themselves need no API; they are exported.
 */
package dev.eskit.metrics.api;
