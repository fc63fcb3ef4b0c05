package dev.eskit.web;

import dev.eskit.config.ProjectionProperties;
import dev.eskit.metrics.api.EventProcessors;
import dev.eskit.queries.api.StreamReader;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes a write visible to the reads that follow it: the response waits until the projection has
 * handled the event the write stored. The projections run on their own threads so that they can
 * be replayed and can park failures; this wait keeps the API as consistent as if they did not.
 * Past the timeout, or while the projection replays, the response goes out anyway: the write is
 * stored, and only the projection is behind.
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    private final StreamReader streams;
    private final EventProcessors processors;
    private final ProjectionProperties properties;

    ReadYourWrites(StreamReader streams, EventProcessors processors, ProjectionProperties properties) {
        this.streams = streams;
        this.processors = processors;
        this.properties = properties;
    }

    /** Waits until {@code projection} has handled the stream's latest event. */
    public void awaitLatest(String projection, String streamId) {
        await(projection, streamId, streams.version(streamId));
    }

    /** Waits until {@code projection} has handled version {@code version} of {@code streamId}. */
    public void await(String projection, String streamId, long version) {
        List<Long> positions = streams.positions(streamId, version, version);
        if (positions.isEmpty()) {
            return;
        }
        try {
            if (!processors.awaitProcessed(projection, positions.get(0), properties.readYourWritesTimeout())) {
                log.debug("{} had not shown {} version {} after {}, or it replays; answering anyway", projection, streamId, version,
                        properties.readYourWritesTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
