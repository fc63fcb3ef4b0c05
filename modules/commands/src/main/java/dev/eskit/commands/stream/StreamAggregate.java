package dev.eskit.commands.stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.eskit.commands.api.AppendResult;
import dev.eskit.commands.api.AppendToStream;
import dev.eskit.commands.api.CommandRejectedException;
import dev.eskit.commands.api.NewEvent;
import dev.eskit.commands.api.Rejection;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.StreamEventAppended;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.AggregateType;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A raw stream: any client's events under one id, versions 1..n. The event store's unique
 * (stream, sequence) key is what finally enforces the expected version across instances; this
 * aggregate refuses what it can see is wrong before anything is written.
 */
@Aggregate(type = StreamAggregate.TYPE, cache = "streamCache", snapshotTriggerDefinition = "streamSnapshotTrigger",
        snapshotFilter = "streamSnapshotFilter")
@Revision(StreamAggregate.REVISION)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
class StreamAggregate {

    static final String TYPE = "Stream";
    /** The snapshot's shape; raise it when the fields change, and older snapshots are skipped, not misread. */
    static final String REVISION = "1";

    @AggregateIdentifier
    private String streamId;
    private long version;
    private String partition;
    /** Set when another module's aggregate wrote this stream: it is then read-only here. */
    private String owner;
    private Map<String, StoredEvent> storedById = new HashMap<>();

    StreamAggregate() {
        // Axon creates the aggregate empty and sources it from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    AppendResult handle(AppendToStream command) {
        Optional<AppendResult> retried = earlierIdenticalAppend(command);
        if (retried.isPresent()) {
            return retried.get();
        }
        refuseIfOwnedElsewhere(command.streamId());
        refuseUnlessExpected(command);
        refuseReusedIds(command.events());
        refuseForeignPartition(command.events());
        long fromVersion = version + 1;
        command.events().forEach(event -> apply(
                new StreamEventAppended(command.streamId(), event.id(), event.type(), event.data(), event.metadata())));
        return new AppendResult(command.streamId(), fromVersion, version, false);
    }

    /** The stream's version: 0 before its first event. */
    long version() {
        return version;
    }

    /** Whether this stream is where the append expects it, or already holds it from an identical earlier request. */
    boolean meetsExpectationOf(AppendToStream command) {
        return command.expectedVersion().isMetBy(version) || earlierIdenticalAppend(command).isPresent();
    }

    @EventSourcingHandler
    void on(StreamEventAppended event) {
        streamId = event.streamId();
        version++;
        if (partition == null) {
            partition = event.type().substring(0, event.type().lastIndexOf('.'));
        }
        storedById.put(event.eventId(),
                new StoredEvent(version, EventFingerprint.of(event.type(), event.data(), event.metadata())));
    }

    /**
     * Any other event in this stream was written by another module's aggregate. A message of this
     * aggregate's own type that no handler above takes is the snapshot it was loaded from: no event.
     */
    @EventSourcingHandler
    void onForeign(Object event, @SourceId String sourceId, @AggregateType String aggregateType) {
        if (TYPE.equals(aggregateType)) {
            return;
        }
        streamId = sourceId;
        version++;
        owner = aggregateType;
    }

    private Optional<AppendResult> earlierIdenticalAppend(AppendToStream command) {
        List<NewEvent> events = command.events();
        StoredEvent first = storedById.get(events.get(0).id());
        if (first == null) {
            return Optional.empty();
        }
        for (int i = 0; i < events.size(); i++) {
            NewEvent event = events.get(i);
            StoredEvent stored = storedById.get(event.id());
            if (stored == null || stored.version() != first.version() + i
                    || !stored.fingerprint().equals(EventFingerprint.of(event.type(), event.data(), event.metadata()))) {
                return Optional.empty();
            }
        }
        return Optional.of(new AppendResult(command.streamId(), first.version(), first.version() + events.size() - 1, true));
    }

    private void refuseIfOwnedElsewhere(String id) {
        if (owner != null) {
            throw rejected(Reason.STREAM_OWNED_ELSEWHERE,
                    "stream " + id + " is written by the " + owner + " aggregate and is read-only here");
        }
    }

    private void refuseUnlessExpected(AppendToStream command) {
        if (!command.expectedVersion().isMetBy(version)) {
            throw rejected(Reason.WRONG_EXPECTED_VERSION,
                    "stream " + command.streamId() + " is at version " + version + ", expected " + command.expectedVersion());
        }
    }

    private void refuseReusedIds(List<NewEvent> events) {
        for (NewEvent event : events) {
            StoredEvent stored = storedById.get(event.id());
            if (stored != null) {
                throw rejected(Reason.DUPLICATE_EVENT_ID, "event id " + event.id()
                        + " is already stored at version " + stored.version() + " with other content or order");
            }
        }
    }

    private void refuseForeignPartition(List<NewEvent> events) {
        String expected = partition != null ? partition : events.get(0).partition();
        for (NewEvent event : events) {
            if (!event.partition().equals(expected)) {
                throw rejected(Reason.PARTITION_MISMATCH, "stream belongs to partition " + expected
                        + ", event type " + event.type() + " does not");
            }
        }
    }

    private CommandRejectedException rejected(Reason reason, String detail) {
        return new CommandRejectedException(new Rejection(reason, detail, version));
    }

    /** Where an event id sits in this stream and what it held, to recognise a retry. */
    record StoredEvent(long version, String fingerprint) {
    }
}
