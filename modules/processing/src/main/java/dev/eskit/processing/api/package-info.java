/**
 * What other modules may use of event processing: which processors are projections, the writes and
 * rolled-back reads a projection's handlers use, the processors' status, replays and the wait of
 * read-your-writes, and the projections' dead letters.
 */
package dev.eskit.processing.api;
