/**
 * Every event processor's status, position, lag and segments; replays with their progress; and the
 * wait of read-your-writes for a processor to pass a position.
 */
package dev.eskit.metrics.processors;
