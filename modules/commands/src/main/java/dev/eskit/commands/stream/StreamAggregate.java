package dev.eskit.commands.stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.eskit.commands.api.AppendResult;
import dev.eskit.commands.api.AppendToStream;
import dev.eskit.commands.api.CommandRejectedException;
import dev.eskit.commands.api.DeleteStream;
import dev.eskit.commands.api.EventTypes;
import dev.eskit.commands.api.ExpectedVersion;
import dev.eskit.commands.api.NewEvent;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.StreamDeleted;
import dev.eskit.commands.api.StreamEventAppended;
import dev.eskit.commands.api.StreamId;
import dev.eskit.commands.api.StreamVersions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
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
    static final String REVISION = "2";

    @AggregateIdentifier
    private String streamId;
    private long version;
    private String partition;
    /** Set when another module's aggregate wrote this stream: it is then read-only here. */
    private String owner;
    /** The version of the latest deletion: reads show only the events after it. */
    private long deletedThrough;
    private boolean tombstoned;
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
        refuseIfTombstoned(command.streamId());
        refuseUnlessExpected(command.streamId(), command.expectedVersion());
        refuseReusedIds(command.events());
        refuseForeignPartition(command.events());
        long fromVersion = version + 1;
        command.events().forEach(event -> apply(
                new StreamEventAppended(command.streamId().value(), event.id(), event.type(), event.data(), event.metadata())));
        return new AppendResult(command.streamId().value(), fromVersion, version, false);
    }

    @CommandHandler
    void handle(DeleteStream command) {
        refuseIfOwnedElsewhere(command.streamId());
        refuseIfTombstoned(command.streamId());
        if (version == deletedThrough) {
            throw CommandRejectedException.of(Reason.NOT_FOUND, "stream " + command.streamId() + " has no events", version);
        }
        refuseUnlessExpected(command.streamId(), command.expectedVersion());
        apply(new StreamDeleted(command.streamId().value(), partition, command.tombstone()));
    }

    /** The stream's version: 0 before its first event; a deletion takes a version too. */
    long version() {
        return version;
    }

    /** Whether this stream is where the append expects it, or already holds it from an identical earlier request. */
    boolean meetsExpectationOf(AppendToStream command) {
        return meets(command.expectedVersion()) || earlierIdenticalAppend(command).isPresent();
    }

    /**
     * A number is the stream's version, deletions counted; "no stream" and "stream exists" ask whether
     * it shows events, so a soft-deleted stream can be created again.
     */
    boolean meets(ExpectedVersion expected) {
        if (expected instanceof ExpectedVersion.NoStream) {
            return version == deletedThrough;
        }
        if (expected instanceof ExpectedVersion.StreamExists) {
            return version > deletedThrough;
        }
        return expected.isMetBy(version);
    }

    @EventSourcingHandler
    void on(StreamDeleted event, @SequenceNumber long sequence) {
        streamId = event.streamId();
        version = StreamVersions.ofSequence(sequence);
        deletedThrough = version;
        tombstoned = event.tombstone();
        partition = event.partition();
    }

    /** The version comes from the event's own sequence number, so it stays right once a purge removed older events. */
    @EventSourcingHandler
    void on(StreamEventAppended event, @SequenceNumber long sequence) {
        streamId = event.streamId();
        version = StreamVersions.ofSequence(sequence);
        if (partition == null) {
            partition = EventTypes.partitionOf(event.type());
        }
        storedById.put(event.eventId(),
                new StoredEvent(version, EventFingerprint.of(event.type(), event.data(), event.metadata())));
    }

    /**
     * Any other event in this stream was written by another module's aggregate. A message of this
     * aggregate's own type that no handler above takes is the snapshot it was loaded from: no event.
     */
    @EventSourcingHandler
    void onForeign(Object event, @SourceId String sourceId, @AggregateType String aggregateType, @SequenceNumber long sequence) {
        if (TYPE.equals(aggregateType)) {
            return;
        }
        streamId = sourceId;
        version = StreamVersions.ofSequence(sequence);
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
        return Optional.of(new AppendResult(command.streamId().value(), first.version(), first.version() + events.size() - 1, true));
    }

    private void refuseIfOwnedElsewhere(StreamId id) {
        if (owner != null) {
            throw CommandRejectedException.of(Reason.STREAM_OWNED_ELSEWHERE,
                    "stream " + id + " is written by the " + owner + " aggregate and is read-only here", version);
        }
    }

    private void refuseIfTombstoned(StreamId id) {
        if (tombstoned) {
            throw CommandRejectedException.of(Reason.STREAM_TOMBSTONED, "stream " + id + " was deleted for ever", version);
        }
    }

    private void refuseUnlessExpected(StreamId id, ExpectedVersion expected) {
        if (!meets(expected)) {
            throw CommandRejectedException.of(Reason.WRONG_EXPECTED_VERSION,
                    "stream " + id + " is at version " + version + ", expected " + expected, version);
        }
    }

    private void refuseReusedIds(List<NewEvent> events) {
        for (NewEvent event : events) {
            StoredEvent stored = storedById.get(event.id());
            if (stored != null) {
                throw CommandRejectedException.of(Reason.DUPLICATE_EVENT_ID, "event id " + event.id()
                        + " is already stored at version " + stored.version() + " with other content or order", version);
            }
        }
    }

    private void refuseForeignPartition(List<NewEvent> events) {
        String expected = partition != null ? partition : events.get(0).partition();
        for (NewEvent event : events) {
            if (!event.partition().equals(expected)) {
                throw CommandRejectedException.of(Reason.PARTITION_MISMATCH, "stream belongs to partition " + expected
                        + ", event type " + event.type() + " does not", version);
            }
        }
    }


    /** Where an event id sits in this stream and what it held, to recognise a retry. */
    record StoredEvent(long version, String fingerprint) {
    }
}
