package dev.eskit.store;

import dev.eskit.commands.api.StreamEventAppended;
import dev.eskit.commands.api.StreamVersions;
import dev.eskit.queries.api.LoggedEvent;
import dev.eskit.queries.api.StreamEvents;
import dev.eskit.queries.api.StreamLifecycles.Lifecycle;
import dev.eskit.queries.api.StreamLifecycles;
import dev.eskit.queries.api.StreamReader;
import java.time.Instant;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Removes from the JDBC event table the raw stream events that reads no longer show: those before a
 * stream's latest deletion, and those its metadata retires. It removes only clients' events
 * ({@link StreamEventAppended}): deletion markers stay, so a stream stays deleted or tombstoned, and a
 * stream's newest event always stays, so its version never falls back. The {@code Stream} aggregate
 * takes its version from its events' sequence numbers, so it is sourced right from what remains.
 * Readers of the log never see the removed events again; a cursor that stands before them goes on
 * past them (their positions are settled gaps). Axon Server cannot delete events, so there the purge
 * does not exist and retention only hides events from stream reads.
 */
@Service
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class StreamPurge {

    private static final Logger log = LoggerFactory.getLogger(StreamPurge.class);
    private static final int SCAN_PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final EventSchema schema;
    private final StreamReader streams;
    private final StreamLifecycles lifecycles;

    StreamPurge(JdbcTemplate jdbc, EventSchema schema, StreamReader streams, StreamLifecycles lifecycles) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.streams = streams;
        this.lifecycles = lifecycles;
    }

    @Scheduled(initialDelayString = "${eskit.streams.purge-interval:PT1H}", fixedDelayString = "${eskit.streams.purge-interval:PT1H}")
    void onSchedule() {
        purge();
    }

    /** Purges every stream that retires events; each stream's removal commits on its own. */
    public PurgeReport purge() {
        Instant started = Instant.now();
        int purgedStreams = 0;
        long purgedEvents = 0;
        for (String streamId : lifecycles.retiring()) {
            int removed = purge(streamId, started);
            if (removed > 0) {
                purgedStreams++;
                purgedEvents += removed;
            }
        }
        PurgeReport report = new PurgeReport(started, Instant.now(), purgedStreams, purgedEvents);
        log.info("purged {} retired events of {} streams", report.events(), report.streams());
        return report;
    }

    private int purge(String streamId, Instant now) {
        long version = streams.version(streamId);
        Lifecycle lifecycle = lifecycles.of(streamId);
        long firstKept = Math.min(version, firstShown(streamId, lifecycle, version, lifecycle.retiredBefore(now)));
        if (firstKept <= 1) {
            return 0;
        }
        return jdbc.update("DELETE FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                        + schema.sequenceNumberColumn() + " < ? AND " + schema.payloadTypeColumn() + " = ?",
                streamId, StreamVersions.toSequence(firstKept), StreamEventAppended.class.getName());
    }

    /** The oldest version reads show: by deletion, truncation and count, then the first not retired by age. */
    private long firstShown(String streamId, Lifecycle lifecycle, long version, Instant retiredBefore) {
        long first = lifecycle.firstVisibleVersion(version);
        if (retiredBefore == null) {
            return first;
        }
        while (first <= version) {
            StreamEvents page = streams.events(streamId, first, version, SCAN_PAGE).orElse(null);
            if (page == null || page.events().isEmpty()) {
                return version;
            }
            for (LoggedEvent event : page.events()) {
                if (!event.timestamp().isBefore(retiredBefore)) {
                    return event.version();
                }
            }
            first = page.events().get(page.events().size() - 1).version() + 1;
        }
        return version;
    }

    /** What one purge removed. */
    public record PurgeReport(Instant startedAt, Instant finishedAt, int streams, long events) {
    }
}
