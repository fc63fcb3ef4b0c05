/**
 * Every tracking processor's status, position, lag and segments, read from its live status and the
 * token store; replays with their progress; and the wait of read-your-writes for a processor to pass
 * a position, woken by each projection's commits.
 */
package dev.eskit.processing.tracking;
