package dev.eskit.commands.entity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.eskit.commands.api.CommandRejectedException;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.Rejection.Violation;
import dev.eskit.commands.api.Rejection;
import dev.eskit.commands.api.StreamVersions;
import dev.eskit.commands.api.entity.EntityCommands.CreateEntity;
import dev.eskit.commands.api.entity.EntityCommands.CreateNewEntity;
import dev.eskit.commands.api.entity.EntityCommands.DeleteEntity;
import dev.eskit.commands.api.entity.EntityCommands.EntityChange;
import dev.eskit.commands.api.entity.EntityCommands.PatchEntity;
import dev.eskit.commands.api.entity.EntityCommands.ReplaceEntity;
import dev.eskit.commands.api.entity.EntityCreated;
import dev.eskit.commands.api.entity.EntityDeleted;
import dev.eskit.commands.api.entity.EntityId;
import dev.eskit.commands.api.entity.EntityState;
import dev.eskit.commands.api.entity.EntityStreams;
import dev.eskit.commands.api.entity.EntityUpdated;
import dev.eskit.commands.api.entity.MergePatches;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.AggregateType;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import tools.jackson.databind.JsonNode;

/**
 * One JSON document whose every change is an event: created whole, updated by the merge patch from
 * its previous state, deleted softly. Cached and snapshotted, so a long history costs nothing per write.
 */
@Aggregate(type = EntityAggregate.TYPE, cache = "entityCache", snapshotTriggerDefinition = "entitySnapshotTrigger",
        snapshotFilter = "entitySnapshotFilter")
@Revision(EntityAggregate.REVISION)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
class EntityAggregate {

    static final String TYPE = "Entity";
    /** The snapshot's shape; raise it when the fields change, and older snapshots are skipped, not misread. */
    static final String REVISION = "3";

    @AggregateIdentifier
    private String streamId;
    private String type;
    private String entityId;
    /** The stream's version: the entity's, or that of another module's stream, which is no entity. */
    private long version;
    private EntityState state;

    EntityAggregate() {
        // Axon creates the aggregate empty and sources it from its events
    }

    /** A deleted entity keeps its stream, so its id cannot be created again. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    EntityChange handle(CreateEntity command, EntitySchemas schemas) {
        if (streamId != null) {
            throw CommandRejectedException.of(Reason.ALREADY_EXISTS,
                    command.entity().type() + " " + command.entity().id() + " exists already (a deleted entity keeps its id)", version);
        }
        return create(command.entity(), command.document(), schemas);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    EntityChange handle(CreateNewEntity command, EntitySchemas schemas) {
        return create(command.entity(), command.document(), schemas);
    }

    @CommandHandler
    EntityChange handle(ReplaceEntity command, EntitySchemas schemas) {
        return change(command.expectedVersion(), MergePatches.normalize(command.document()), schemas);
    }

    @CommandHandler
    EntityChange handle(PatchEntity command, EntitySchemas schemas) {
        refuseUnlessLive();
        return change(command.expectedVersion(), MergePatches.apply(state.document(), command.patch()), schemas);
    }

    @CommandHandler
    EntityChange handle(DeleteEntity command) {
        refuseUnlessLive();
        refuseUnlessAt(command.expectedVersion());
        apply(new EntityDeleted(type, entityId));
        return result(true);
    }

    private EntityChange create(EntityId entity, JsonNode document, EntitySchemas schemas) {
        JsonNode created = MergePatches.normalize(document);
        refuseViolations(schemas.violationsOf(entity.type(), created));
        apply(new EntityCreated(entity.type(), entity.id(), created));
        return result(true);
    }

    private EntityChange change(Long expectedVersion, JsonNode changed, EntitySchemas schemas) {
        refuseUnlessLive();
        refuseUnlessAt(expectedVersion);
        JsonNode patch = MergePatches.diff(state.document(), changed);
        if (MergePatches.isEmpty(patch)) {
            return result(false);
        }
        refuseViolations(schemas.violationsOf(type, changed));
        apply(new EntityUpdated(type, entityId, patch));
        return result(true);
    }

    private EntityChange result(boolean changed) {
        return new EntityChange(version, state.document(), changed, state.createdAt(), state.updatedAt());
    }

    @EventSourcingHandler
    void on(EntityCreated event, @Timestamp Instant at) {
        streamId = EntityStreams.entity(event.type(), event.entityId());
        type = event.type();
        entityId = event.entityId();
        now(EntityState.created(event.document(), at));
    }

    @EventSourcingHandler
    void on(EntityUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        now(state.updated(event.patch(), StreamVersions.ofSequence(sequence), at));
    }

    @EventSourcingHandler
    void on(EntityDeleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        now(state.deleted(StreamVersions.ofSequence(sequence), at));
    }

    private void now(EntityState next) {
        state = next;
        version = next.version();
    }

    /**
     * Another module wrote this stream: it is not an entity, and stays untouched. A message of this
     * aggregate's own type that no handler above takes is the snapshot it was loaded from: no event.
     */
    @EventSourcingHandler
    void onForeign(Object event, @SourceId String sourceId, @AggregateType String aggregateType) {
        if (TYPE.equals(aggregateType)) {
            return;
        }
        streamId = sourceId;
        version++;
    }

    private void refuseUnlessLive() {
        if (state == null || state.deleted()) {
            throw CommandRejectedException.of(Reason.NOT_FOUND, type + " " + entityId + " is deleted", version);
        }
    }

    private void refuseUnlessAt(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw CommandRejectedException.of(Reason.STALE_VERSION,
                    type + " " + entityId + " is at version " + version + ", not " + expectedVersion, version);
        }
    }

    private void refuseViolations(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new CommandRejectedException(new Rejection(Reason.SCHEMA_VIOLATION,
                    "the document breaks its type's schema in " + violations.size() + " place(s)", version, violations));
        }
    }
}
