/**
 * The global log and stream reads: cursors, pages by position or time, the followers behind long
 * poll and SSE, and how events are described to readers.
 */
package dev.eskit.queries.log;
