package dev.eskit.commands.api;

/**
 * What a command left its aggregate's stream at: the version after it, and whether it stored
 * anything ({@code changed} is false for a command that had nothing to do).
 */
public record StreamChange(long version, boolean changed) {
}
