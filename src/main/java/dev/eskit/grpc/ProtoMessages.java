package dev.eskit.grpc;

import static dev.eskit.grpc.ProtoJson.timestamp;

import dev.eskit.grpc.v1.Consumer;
import dev.eskit.grpc.v1.Entity;
import dev.eskit.grpc.v1.EntityType;
import dev.eskit.grpc.v1.EntityVersion;
import dev.eskit.grpc.v1.Event;
import dev.eskit.grpc.v1.FieldChange;
import dev.eskit.queries.api.EntityHistoryEntry;
import dev.eskit.queries.api.EntityTypeView;
import dev.eskit.queries.api.LoggedEvent;
import org.springframework.stereotype.Component;

/** The read models as protobuf messages: the same fields as the HTTP API's JSON, JSON values as text. */
@Component
class ProtoMessages {

    private final ProtoJson json;

    ProtoMessages(ProtoJson json) {
        this.json = json;
    }

    Event event(LoggedEvent event) {
        return Event.newBuilder()
                .setId(event.id())
                .setStreamId(event.streamId())
                .setType(event.type())
                .setVersion(event.version())
                .setPosition(event.position())
                .setTimestamp(timestamp(event.timestamp()))
                .setData(json.text(event.data()))
                .setMetadata(json.text(event.metadata()))
                .build();
    }

    Entity entity(dev.eskit.queries.api.Entity entity) {
        return Entity.newBuilder()
                .setType(entity.type())
                .setId(entity.id())
                .setVersion(entity.version())
                .setData(json.text(entity.data()))
                .setCreatedAt(timestamp(entity.createdAt()))
                .setUpdatedAt(timestamp(entity.updatedAt()))
                .setDeleted(entity.deleted())
                .build();
    }

    EntityVersion version(EntityHistoryEntry entry) {
        EntityVersion.Builder version = EntityVersion.newBuilder()
                .setVersion(entry.version())
                .setEvent(entry.event())
                .setTimestamp(timestamp(entry.timestamp()))
                .setActor(entry.actor() == null ? "" : entry.actor());
        if (entry.patch() != null && !entry.patch().isNull()) {
            version.setPatch(json.text(entry.patch()));
        }
        for (EntityHistoryEntry.Change change : entry.changes()) {
            FieldChange.Builder field = FieldChange.newBuilder().setPath(change.path());
            if (change.from() != null) {
                field.setFrom(json.text(change.from()));
            }
            if (change.to() != null) {
                field.setTo(json.text(change.to()));
            }
            version.addChanges(field);
        }
        return version.build();
    }

    EntityType type(EntityTypeView type, boolean created) {
        return EntityType.newBuilder()
                .setType(type.type())
                .setSchemaVersion(type.schemaVersion())
                .setSchema(json.text(type.schema()))
                .setCreatedAt(timestamp(type.createdAt()))
                .setUpdatedAt(timestamp(type.updatedAt()))
                .setCreated(created)
                .build();
    }

    static Consumer consumer(dev.eskit.queries.api.Consumer consumer) {
        return Consumer.newBuilder()
                .setName(consumer.name())
                .setCursor(consumer.cursor())
                .setPosition(consumer.position())
                .setLag(consumer.lag())
                .setUpdatedAt(timestamp(consumer.updatedAt()))
                .build();
    }
}
