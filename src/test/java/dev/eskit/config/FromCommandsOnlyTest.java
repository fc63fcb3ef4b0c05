package dev.eskit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.junit.jupiter.api.Test;

class FromCommandsOnlyTest {

    private static final MetaData STAMP = MetaData.with("actor", "alice").and("requestId", "r-1");

    @Test
    void passesACommandsDataOn() {
        GenericCommandMessage<String> command = new GenericCommandMessage<>("append");
        FromCommandsOnly origin = new FromCommandsOnly(new MessageOriginProvider());
        FromCommandsOnly actor = new FromCommandsOnly(new SimpleCorrelationDataProvider("actor", "requestId"));

        assertThat(origin.correlationDataFor(command))
                .isEqualTo(Map.of("correlationId", command.getIdentifier(), "traceId", command.getIdentifier()));
        assertThat(actor.correlationDataFor(command.andMetaData(STAMP))).isEqualTo(Map.of("actor", "alice", "requestId", "r-1"));
    }

    @Test
    void givesNothingForAnEventSoItsMetadataIsNotRead() {
        GenericEventMessage<String> event = new GenericEventMessage<>("created", STAMP);

        assertThat(new FromCommandsOnly(new MessageOriginProvider()).correlationDataFor(event)).isEmpty();
        assertThat(new FromCommandsOnly(new SimpleCorrelationDataProvider("actor")).correlationDataFor(event)).isEmpty();
    }
}
