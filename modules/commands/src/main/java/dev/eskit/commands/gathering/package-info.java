/** The gathering aggregate, its invariants (capacity, schedule, cancellation) and the upcaster of its old events. */
package dev.eskit.commands.gathering;
