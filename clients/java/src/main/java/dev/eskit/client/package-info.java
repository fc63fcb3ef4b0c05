/**
 * The Java client ({@code eskit-client}): appends, reads and the log over gRPC, and {@link
 * dev.eskit.client.CatchUpConsumer}, which follows the log from a named checkpoint.
 */
package src.main;
