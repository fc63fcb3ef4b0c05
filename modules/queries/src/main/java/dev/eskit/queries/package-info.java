/** The read side: the global log, raw streams, consumer checkpoints and the projections built from events. */
package dev.eskit.queries;
