/**
 * An outside consumer on {@code eskit-client}: Prometheus metrics computed from the log, resumed
 * from its checkpoint.
 */
package dev.eskit.examples.metrics;
