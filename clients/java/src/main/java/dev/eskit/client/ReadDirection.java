package dev.eskit.client;

/** Oldest first, or newest first. */
public enum ReadDirection {
    FORWARDS, BACKWARDS
}
