package dev.eskit.commands.entity;

import static dev.eskit.commands.support.Rejections.rejection;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.eskit.commands.api.CommandRejectedException;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.Rejection.Violation;
import dev.eskit.commands.api.entity.EntityCommands.CreateEntity;
import dev.eskit.commands.api.entity.EntityCommands.CreateNewEntity;
import dev.eskit.commands.api.entity.EntityCommands.DeleteEntity;
import dev.eskit.commands.api.entity.EntityCommands.EntityChange;
import dev.eskit.commands.api.entity.EntityCommands.PatchEntity;
import dev.eskit.commands.api.entity.EntityCommands.ReplaceEntity;
import dev.eskit.commands.api.entity.EntityCreated;
import dev.eskit.commands.api.entity.EntityDeleted;
import dev.eskit.commands.api.entity.EntityId;
import dev.eskit.commands.api.entity.EntityUpdated;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EntityAggregateTest {

    private static final String STREAM = "entity:Invoice:42";
    private static final EntityId ENTITY = new EntityId("Invoice", "42");
    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30.123Z");

    private FixtureConfiguration<EntityAggregate> fixture;
    private final EntitySchemas schemas = mock(EntitySchemas.class);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(EntityAggregate.class);
        fixture.registerInjectableResource(schemas);
        when(schemas.violationsOf(anyString(), any())).thenReturn(List.of());
    }

    @Test
    void storesTheWholeDocumentOnCreationWithoutNullMembers() {
        fixture.givenCurrentTime(NOW)
               .when(new CreateEntity(ENTITY, json("{\"total\":10,\"note\":null}")))
               .expectEvents(new EntityCreated("Invoice", "42", json("{\"total\":10}")))
               .expectResultMessagePayload(new EntityChange(1, json("{\"total\":10}"), true, NOW, NOW));
    }

    @Test
    void createsUnderADrawnIdWithoutLookingForItsStream() {
        fixture.givenCurrentTime(NOW)
               .when(new CreateNewEntity(ENTITY, json("{\"total\":10,\"note\":null}")))
               .expectEvents(new EntityCreated("Invoice", "42", json("{\"total\":10}")))
               .expectResultMessagePayload(new EntityChange(1, json("{\"total\":10}"), true, NOW, NOW));
    }

    @Test
    void aDrawnIdThatExistsAfterAllLosesAtTheStore() {
        fixture.given(created("{\"total\":10}"))
               .when(new CreateNewEntity(ENTITY, json("{}")))
               .expectException(EventStoreException.class);
    }

    @Test
    void refusesToCreateAnIdThatExists() {
        fixture.given(created("{\"total\":10}"))
               .when(new CreateEntity(ENTITY, json("{}")))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.ALREADY_EXISTS));
    }

    @Test
    void storesOnlyTheMergePatchOfAReplacement() {
        fixture.given(created("{\"total\":10,\"note\":\"x\"}"))
               .when(new ReplaceEntity(ENTITY, 1L, json("{\"total\":12}")))
               .expectEvents(new EntityUpdated("Invoice", "42", json("{\"total\":12,\"note\":null}")));
    }

    @Test
    void storesNothingForAPatchThatChangesNothing() {
        fixture.givenCurrentTime(NOW).andGiven(created("{\"total\":10}"))
               .when(new PatchEntity(ENTITY, 1L, json("{\"total\":10}")))
               .expectNoEvents()
               .expectResultMessagePayload(new EntityChange(1, json("{\"total\":10}"), false, NOW, NOW));
    }

    @Test
    void refusesAStaleVersion() {
        fixture.given(created("{\"total\":10}"), new EntityUpdated("Invoice", "42", json("{\"total\":11}")))
               .when(new PatchEntity(ENTITY, 1L, json("{\"total\":12}")))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.STALE_VERSION));
    }

    @Test
    void refusesAPatchWhoseResultBreaksTheSchema() {
        when(schemas.violationsOf("Invoice", json("{}"))).thenReturn(List.of(new Violation("data", "total is required")));
        fixture.given(created("{\"total\":10}"))
               .when(new PatchEntity(ENTITY, 1L, json("{\"total\":null}")))
               .expectNoEvents()
               .expectException(CommandRejectedException.class)
               .expectExceptionDetails(rejection(Reason.SCHEMA_VIOLATION));
    }

    @Test
    void deletesSoftlyAndThenRefusesChanges() {
        fixture.given(created("{\"total\":10}"))
               .when(new DeleteEntity(ENTITY, null))
               .expectEvents(new EntityDeleted("Invoice", "42"));
        fixture.given(created("{\"total\":10}"), new EntityDeleted("Invoice", "42"))
               .when(new PatchEntity(ENTITY, 2L, json("{\"total\":1}")))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.NOT_FOUND));
    }

    private static EntityCreated created(String document) {
        return new EntityCreated("Invoice", "42", json(document));
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
