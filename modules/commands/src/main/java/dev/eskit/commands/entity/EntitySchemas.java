package dev.eskit.commands.entity;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.eskit.commands.api.Rejection.Violation;
import dev.eskit.commands.api.entity.EntityStreams;
import dev.eskit.commands.api.entity.EntityTypeDefined;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The types' JSON Schemas (2020-12) as the write side needs them: each type's current schema is the
 * last event of its stream, so there is nothing to keep in step with the events (on Axon Server a
 * table would commit apart from them); compiled schemas are cached by the stream's version.
 */
@Component
class EntitySchemas {

    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private final ObjectProvider<EventStore> eventStore;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Schema metaSchema = registry.getSchema(SchemaLocation.of(META_SCHEMA));
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    EntitySchemas(ObjectProvider<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    /** What makes {@code schema} not a valid JSON Schema 2020-12; empty when it is one. */
    List<Violation> problemsOf(JsonNode schema) {
        if (!schema.isObject() && !schema.isBoolean()) {
            return List.of(new Violation("schema", "a JSON Schema is an object or a boolean"));
        }
        List<Violation> problems = violations(metaSchema.validate(schema), "schema");
        if (problems.isEmpty()) {
            try {
                registry.getSchema(schema).validate(JsonMapper.shared().createObjectNode());
            } catch (SchemaException | IllegalArgumentException e) {
                return List.of(new Violation("schema", e.getMessage()));
            }
        }
        return problems;
    }

    /** How {@code document} breaks its type's current schema; empty when it does not, or the type has none. */
    List<Violation> violationsOf(String type, JsonNode document) {
        String stream = EntityStreams.type(type);
        Optional<Long> last = schemaVersion(stream);
        if (last.isEmpty()) {
            return List.of();
        }
        Schema schema = compiled.computeIfAbsent(stream + "@" + last.get(),
                ignored -> compile(definedAt(stream, last.get()).schema()));
        return violationsOf(schema, document);
    }

    /**
     * The last sequence of the type's stream, read once per transaction: commands committed
     * together in one group all check against the schema that was current when the group began.
     */
    private Optional<Long> schemaVersion(String stream) {
        if (!CurrentUnitOfWork.isStarted()) {
            return eventStore.getObject().lastSequenceNumberFor(stream);
        }
        // not computeIfAbsent: the read itself keeps resources in the same unit of work
        Map<String, Object> resources = CurrentUnitOfWork.get().root().resources();
        String key = getClass().getName() + "@" + stream;
        @SuppressWarnings("unchecked")
        Optional<Long> known = (Optional<Long>) resources.get(key);
        if (known == null) {
            known = eventStore.getObject().lastSequenceNumberFor(stream);
            resources.put(key, known);
        }
        return known;
    }

    /** A schema that {@link #problemsOf} accepted, ready to validate documents. */
    Schema compile(JsonNode schema) {
        return registry.getSchema(schema);
    }

    static List<Violation> violationsOf(Schema schema, JsonNode document) {
        return violations(schema.validate(document), "data");
    }

    private EntityTypeDefined definedAt(String stream, long sequence) {
        DomainEventStream events = eventStore.getObject().readEvents(stream, sequence);
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof EntityTypeDefined defined) {
                return defined;
            }
        }
        throw new IllegalStateException(stream + " has no schema at sequence " + sequence);
    }

    private static List<Violation> violations(List<Error> errors, String root) {
        return errors.stream()
                .map(error -> new Violation(root + pointer(error), error.getMessage()))
                .toList();
    }

    private static String pointer(Error error) {
        String location = String.valueOf(error.getInstanceLocation());
        return location.equals("$") ? "" : location.replaceFirst("^\\$", "");
    }
}
