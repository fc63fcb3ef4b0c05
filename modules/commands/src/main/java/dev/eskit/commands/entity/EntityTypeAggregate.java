package dev.eskit.commands.entity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.eskit.commands.api.CommandRejectedException;
import dev.eskit.commands.api.Rejection;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.Rejection.Violation;
import dev.eskit.commands.api.entity.EntityCommands.DefineEntityType;
import dev.eskit.commands.api.entity.EntityCommands.TypeDefinition;
import dev.eskit.commands.api.entity.EntityStreams;
import dev.eskit.commands.api.entity.EntityTypeDefined;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import tools.jackson.databind.JsonNode;

/** An entity type and its schema history: every new schema gets the next schemaVersion. */
@Aggregate(type = "EntityType", cache = "entityTypeCache")
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
class EntityTypeAggregate {

    @AggregateIdentifier
    private String streamId;
    private int schemaVersion;
    private JsonNode schema;

    EntityTypeAggregate() {
        // Axon creates the aggregate empty and sources it from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    TypeDefinition handle(DefineEntityType command, EntitySchemas schemas) {
        List<Violation> problems = schemas.problemsOf(command.schema());
        if (!problems.isEmpty()) {
            throw new CommandRejectedException(new Rejection(Reason.INVALID_SCHEMA,
                    "the schema is not a valid JSON Schema 2020-12", null, problems));
        }
        if (command.schema().equals(schema)) {
            return new TypeDefinition(command.type(), schemaVersion, false, false);
        }
        boolean created = schemaVersion == 0;
        apply(new EntityTypeDefined(command.type(), schemaVersion + 1, command.schema()));
        return new TypeDefinition(command.type(), schemaVersion, created, true);
    }

    @EventSourcingHandler
    void on(EntityTypeDefined event) {
        streamId = EntityStreams.type(event.type());
        schemaVersion = event.schemaVersion();
        schema = event.schema();
    }
}
