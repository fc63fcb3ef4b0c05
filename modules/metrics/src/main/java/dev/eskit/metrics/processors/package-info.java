/** Every event processor's position, lag, status, replay progress and dead letters as gauges. */
package dev.eskit.metrics.processors;
