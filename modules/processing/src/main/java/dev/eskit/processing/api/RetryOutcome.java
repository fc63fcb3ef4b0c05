package dev.eskit.processing.api;

/** What a retry did: whether the stream's parked events all went through, and how many are still parked. */
public record RetryOutcome(String id, String processor, String sequence, boolean succeeded, long remaining) {
}
