package dev.eskit.processing.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event processor. {@code position} is where its slowest segment stands in the global log,
 * {@code lag} how many positions it is behind {@code head}. {@code progress} (0 to 1) is the progress
 * of the running replay, or 1 once the latest replay this instance started, {@code lastReplay}, is done.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessorStatus(String name, String kind, String status, long position, long head, long lag,
                              int segments, boolean replaying, Double progress, Long deadLetters,
                              ReplayRun lastReplay) {

    public static final String RUNNING = "running";
    public static final String REPLAYING = "replaying";
    public static final String ERROR = "error";
    public static final String STOPPED = "stopped";
}
