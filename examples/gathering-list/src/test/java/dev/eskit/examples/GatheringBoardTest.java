package dev.eskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Decodes the bridge's records as they travel (binary-mode CloudEvents) and keeps the list. */
class GatheringBoardTest {

    private static final String GIG = "gathering:7f0c";

    private final GatheringBoard board = new GatheringBoard();

    @Test
    void buildsTheListFromDecodedRecords() {
        board.apply(roundTrip("Gathering.Planned", "{\"name\":\"Jazz\",\"startsAt\":\"2031-01-01T20:00:00Z\",\"capacity\":2}"));
        board.apply(roundTrip("Gathering.AttendeeRegistered", "{\"userId\":{\"value\":\"u1\"}}"));
        board.apply(roundTrip("Gathering.Renamed", "{\"name\":\"Late Jazz\"}"));
        board.apply(roundTrip("Gathering.Cancelled", "{\"reason\":\"rain\"}"));

        assertThat(board.entries()).singleElement().isEqualTo(
                new GatheringBoard.Entry(GIG, "Late Jazz", "2031-01-01T20:00:00Z", 2, 1, "CANCELLED"));
    }

    @Test
    void ignoresEventsOfOtherTypesAndUnknownGatherings() {
        board.apply(roundTrip("User.Registered", "{}"));
        board.apply(roundTrip("Gathering.Renamed", "{\"name\":\"x\"}"));
        assertThat(board.entries()).isEmpty();
    }

    /** Through the same serializer pair as the bridge and a real consumer: headers and value, binary mode. */
    private static CloudEvent roundTrip(String type, String data) {
        CloudEvent event = CloudEventBuilder.v1().withId(type + "-1").withSource(URI.create("/eskit")).withType(type)
                .withSubject(GIG).withDataContentType("application/json").withExtension("eskitversion", 1L)
                .withData(data.getBytes(StandardCharsets.UTF_8)).build();
        RecordHeaders headers = new RecordHeaders();
        try (CloudEventSerializer serializer = new CloudEventSerializer(); CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            serializer.configure(Map.of(), false);
            deserializer.configure(Map.of(), false);
            byte[] value = serializer.serialize("eskit.gathering", headers, event);
            return deserializer.deserialize("eskit.gathering", headers, value);
        }
    }
}
