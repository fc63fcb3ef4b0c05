package dev.eskit.web;

import dev.eskit.commands.api.StreamChange;
import dev.eskit.processing.api.EventProcessors;
import dev.eskit.processing.api.ProjectionProperties;
import dev.eskit.queries.api.EventLog;
import dev.eskit.queries.api.StreamReader;
import dev.eskit.web.problem.Problems;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Makes a write visible to the reads that follow it. The projections run on their own threads so
 * that they can be replayed and can park failures; these waits keep the API as consistent as if
 * they did not. A write can wait until the projection has handled the event it stored; a read of
 * a view can wait until the projection has handled everything stored before it. Past the timeout
 * the answer goes out anyway: only the projection is behind. While a replay rebuilds a view, lists
 * are refused rather than shown in part (single reads fold from the store instead).
 */
@Component
public class ReadYourWrites {

    private static final Logger logger = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final String REBUILDING_RETRY_AFTER_SECONDS = "5";

    private final CommandGateway commands;
    private final StreamReader streams;
    private final EventLog log;
    private final EventProcessors processors;
    private final ProjectionProperties properties;

    ReadYourWrites(CommandGateway commands, StreamReader streams, EventLog log, EventProcessors processors,
                   ProjectionProperties properties) {
        this.commands = commands;
        this.streams = streams;
        this.log = log;
        this.processors = processors;
        this.properties = properties;
    }

    /**
     * Before a list is read from {@code projection}'s tables: waits until it has handled the newest
     * event in the log, and refuses with 503 while a replay rebuilds them, when a list would miss rows.
     */
    public void awaitCompleteView(String projection) {
        if (processors.replaying(projection)) {
            ErrorResponseException rebuilding = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "view-rebuilding",
                    "the " + projection + " view is being rebuilt by a replay and would list only part of it; "
                            + "single reads still answer, retry the list later");
            rebuilding.getHeaders().set(HttpHeaders.RETRY_AFTER, REBUILDING_RETRY_AFTER_SECONDS);
            throw rebuilding;
        }
        awaitHead(projection);
    }

    /** Waits until {@code projection} has handled the newest event in the log. */
    public void awaitHead(String projection) {
        long head = log.head();
        if (head > 0) {
            await(projection, head, projection + " up to position " + head);
        }
    }

    /**
     * The API's write to a typed aggregate: sends {@code command} to the aggregate of {@code streamId}
     * and waits until {@code projection} has handled the version the command left it at.
     */
    public StreamChange write(String projection, String streamId, Object command) {
        StreamChange change = commands.sendAndWait(command);
        await(projection, streamId, change.version());
        return change;
    }

    /** Waits until {@code projection} has handled the stream's latest event. */
    public void awaitLatest(String projection, String streamId) {
        await(projection, streamId, streams.version(streamId));
    }

    /** Waits until {@code projection} has handled version {@code version} of {@code streamId}. */
    public void await(String projection, String streamId, long version) {
        List<Long> positions = streams.positions(streamId, version, version);
        if (!positions.isEmpty()) {
            await(projection, positions.get(0), streamId + " version " + version);
        }
    }

    private void await(String projection, long position, String what) {
        try {
            if (!processors.awaitProcessed(projection, position, properties.readYourWritesTimeout())) {
                logger.debug("{} had not shown {} after {}, or it replays; answering anyway", projection, what,
                        properties.readYourWritesTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
