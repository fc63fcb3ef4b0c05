/** Axon's own timers as ESKIT exports them: histogram buckets for the dashboards, no client-side percentiles. */
package dev.eskit.metrics.axon;
