package dev.eskit.commands.api;

/**
 * The versions an append occupies. {@code retried} is true when the same events had already been
 * stored by an earlier identical request, and nothing new was stored.
 */
public record AppendResult(String streamId, long fromVersion, long toVersion, boolean retried) {
}
