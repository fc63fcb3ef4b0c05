/**
 * Each projection's plumbing, registered once: its dead-letter queue, the savepoints that let a
 * failing event be parked, the wake-ups of its commits, and its settings.
 */
package dev.eskit.processing.projections;
