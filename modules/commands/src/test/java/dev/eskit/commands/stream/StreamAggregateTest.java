package dev.eskit.commands.stream;

import dev.eskit.commands.api.AppendResult;
import dev.eskit.commands.api.AppendToStream;
import dev.eskit.commands.api.CommandRejectedException;
import dev.eskit.commands.api.DeleteStream;
import dev.eskit.commands.api.ExpectedVersion;
import dev.eskit.commands.api.NewEvent;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.Rejection;
import dev.eskit.commands.api.StreamDeleted;
import dev.eskit.commands.api.StreamEventAppended;
import dev.eskit.commands.api.StreamId;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StreamAggregateTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STREAM = "project-1";

    private FixtureConfiguration<StreamAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StreamAggregate.class);
    }

    @Test
    void createsAStreamWhenNoStreamIsExpected() {
        fixture.givenNoPriorActivity()
               .when(append(new ExpectedVersion.NoStream(), event("e1", "Project.Created", "{\"name\":\"a\"}")))
               .expectEvents(stored("e1", "Project.Created", "{\"name\":\"a\"}"))
               .expectResultMessagePayload(new AppendResult(STREAM, 1, 1, false));
    }

    @Test
    void storesSeveralEventsOfOneRequestWithConsecutiveVersions() {
        fixture.given(stored("e1", "Project.Created", "{}"))
               .when(append(new ExpectedVersion.Exactly(1),
                       event("e2", "Project.Renamed", "{\"name\":\"b\"}"),
                       event("e3", "Project.Archived", "{}")))
               .expectEvents(stored("e2", "Project.Renamed", "{\"name\":\"b\"}"), stored("e3", "Project.Archived", "{}"))
               .expectResultMessagePayload(new AppendResult(STREAM, 2, 3, false));
    }

    @Test
    void appendsAtAnyVersionByDefault() {
        fixture.given(stored("e1", "Project.Created", "{}"), stored("e2", "Project.Renamed", "{}"))
               .when(append(new ExpectedVersion.Any(), event("e3", "Project.Renamed", "{}")))
               .expectResultMessagePayload(new AppendResult(STREAM, 3, 3, false));
    }

    @Test
    void refusesAnAppendAtTheWrongVersionAndReportsTheCurrentOne() {
        fixture.given(stored("e1", "Project.Created", "{}"), stored("e2", "Project.Renamed", "{}"))
               .when(append(new ExpectedVersion.Exactly(1), event("e3", "Project.Renamed", "{}")))
               .expectNoEvents()
               .expectException(CommandRejectedException.class)
               .expectExceptionDetails(rejection(Reason.WRONG_EXPECTED_VERSION, 2));
    }

    @Test
    void refusesNoStreamWhenTheStreamExists() {
        fixture.given(stored("e1", "Project.Created", "{}"))
               .when(append(new ExpectedVersion.NoStream(), event("e2", "Project.Created", "{}")))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.WRONG_EXPECTED_VERSION, 1));
    }

    @Test
    void appendsToAnExistingStreamWhenItIsExpectedToExist() {
        fixture.given(stored("e1", "Project.Created", "{}"), stored("e2", "Project.Renamed", "{}"))
               .when(append(new ExpectedVersion.StreamExists(), event("e3", "Project.Renamed", "{}")))
               .expectEvents(stored("e3", "Project.Renamed", "{}"))
               .expectResultMessagePayload(new AppendResult(STREAM, 3, 3, false));
    }

    @Test
    void refusesStreamExistsForAStreamWithoutEvents() {
        fixture.givenNoPriorActivity()
               .when(append(new ExpectedVersion.StreamExists(), event("e1", "Project.Created", "{}")))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.WRONG_EXPECTED_VERSION, 0));
    }

    @Test
    void refusesAnExactVersionOnAStreamThatDoesNotExist() {
        fixture.givenNoPriorActivity()
               .when(append(new ExpectedVersion.Exactly(3), event("e1", "Project.Created", "{}")))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.WRONG_EXPECTED_VERSION, 0));
    }

    @Test
    void answersAnIdenticalRetryWithTheOriginalVersionsAndStoresNothing() {
        fixture.given(stored("e1", "Project.Created", "{\"a\":1,\"b\":2}"), stored("e2", "Project.Renamed", "{}"),
                      stored("e3", "Project.Renamed", "{}"))
               .when(append(new ExpectedVersion.Exactly(0),
                       event("e1", "Project.Created", "{\"b\":2,\"a\":1}"), event("e2", "Project.Renamed", "{}")))
               .expectNoEvents()
               .expectResultMessagePayload(new AppendResult(STREAM, 1, 2, true));
    }

    @Test
    void refusesAnEventIdReusedWithOtherContent() {
        fixture.given(stored("e1", "Project.Created", "{\"a\":1}"))
               .when(append(new ExpectedVersion.Any(), event("e1", "Project.Created", "{\"a\":2}")))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.DUPLICATE_EVENT_ID, 1));
    }

    @Test
    void refusesARetryThatOnlyPartlyMatches() {
        fixture.given(stored("e1", "Project.Created", "{}"))
               .when(append(new ExpectedVersion.Any(), event("e1", "Project.Created", "{}"), event("e9", "Project.Renamed", "{}")))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.DUPLICATE_EVENT_ID, 1));
    }

    @Test
    void refusesAnEventOfAnotherPartition() {
        fixture.given(stored("e1", "Project.Created", "{}"))
               .when(append(new ExpectedVersion.Any(), event("e2", "Invoice.Created", "{}")))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.PARTITION_MISMATCH, 1));
    }

    @Test
    void refusesANewStreamMixingPartitions() {
        fixture.givenNoPriorActivity()
               .when(append(new ExpectedVersion.Any(), event("e1", "Project.Created", "{}"), event("e2", "Invoice.Created", "{}")))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.PARTITION_MISMATCH, 0));
    }

    @Test
    void refusesAppendsToAStreamThatAnotherModuleWrote() {
        fixture.given(new SomeoneElsesEvent(STREAM))
               .when(append(new ExpectedVersion.Any(), event("e1", "Project.Created", "{}")))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.STREAM_OWNED_ELSEWHERE, 1));
    }

    @Test
    void softDeletesAtTheExpectedVersionWithAnEventOfTheStreamsPartition() {
        fixture.given(stored("e1", "Project.Created", "{}"), stored("e2", "Project.Renamed", "{}"))
               .when(new DeleteStream(new StreamId(STREAM), new ExpectedVersion.Exactly(2), false))
               .expectEvents(new StreamDeleted(STREAM, "Project", false));
    }

    @Test
    void refusesADeletionAtTheWrongVersionAndOfAStreamWithoutEvents() {
        fixture.given(stored("e1", "Project.Created", "{}"))
               .when(new DeleteStream(new StreamId(STREAM), new ExpectedVersion.Exactly(3), true))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.WRONG_EXPECTED_VERSION, 1));
        fixture.given(stored("e1", "Project.Created", "{}"), new StreamDeleted(STREAM, "Project", false))
               .when(new DeleteStream(new StreamId(STREAM), new ExpectedVersion.Any(), false))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.NOT_FOUND, 2));
    }

    @Test
    void aSoftDeletedStreamIsCreatedAgainAfterItsDeletionsVersion() {
        fixture.given(stored("e1", "Project.Created", "{}"), new StreamDeleted(STREAM, "Project", false))
               .when(append(new ExpectedVersion.NoStream(), event("e2", "Project.Created", "{}")))
               .expectEvents(stored("e2", "Project.Created", "{}"))
               .expectResultMessagePayload(new AppendResult(STREAM, 3, 3, false));
        fixture.given(stored("e1", "Project.Created", "{}"), new StreamDeleted(STREAM, "Project", false))
               .when(append(new ExpectedVersion.StreamExists(), event("e2", "Project.Created", "{}")))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.WRONG_EXPECTED_VERSION, 2));
    }

    @Test
    void aTombstonedStreamRefusesAppendsAndDeletionsForEver() {
        fixture.given(stored("e1", "Project.Created", "{}"), new StreamDeleted(STREAM, "Project", true))
               .when(append(new ExpectedVersion.Any(), event("e2", "Project.Created", "{}")))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.STREAM_TOMBSTONED, 2));
        fixture.given(stored("e1", "Project.Created", "{}"), new StreamDeleted(STREAM, "Project", true))
               .when(new DeleteStream(new StreamId(STREAM), new ExpectedVersion.Any(), true))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.STREAM_TOMBSTONED, 2));
    }

    @Test
    void refusesToDeleteAStreamThatAnotherModuleWrote() {
        fixture.given(new SomeoneElsesEvent(STREAM))
               .when(new DeleteStream(new StreamId(STREAM), new ExpectedVersion.Any(), false))
               .expectNoEvents()
               .expectExceptionDetails(rejection(Reason.STREAM_OWNED_ELSEWHERE, 1));
    }

    private static Matcher<Rejection> rejection(Reason reason, long currentVersion) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Rejection rejection) {
                return rejection.reason() == reason && rejection.currentVersion() == currentVersion;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection " + reason + " at version " + currentVersion);
            }
        };
    }

    private static AppendToStream append(ExpectedVersion expected, NewEvent... events) {
        return new AppendToStream(new StreamId(STREAM), expected, List.of(events));
    }

    private static NewEvent event(String id, String type, String data) {
        return new NewEvent(id, type, json(data), json("{}"));
    }

    private static StreamEventAppended stored(String id, String type, String data) {
        return new StreamEventAppended(STREAM, id, type, json(data), json("{}"));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    record SomeoneElsesEvent(String id) {
    }
}
