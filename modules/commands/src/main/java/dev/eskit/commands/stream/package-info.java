/**
 * The raw streams: the stream aggregate (optimistic concurrency, idempotent retries by event id,
 * deletion), its metadata aggregate, and appends to several streams in one commit.
 */
package dev.eskit.commands.stream;
