package dev.eskit.metrics.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

/** Axon's messages timed and counted under axon-micrometer's names and tags, each meter registered once. */
class MessageMetersTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final MessageMeters meters = new MessageMeters(registry);

    record CreateThing(String id) {
    }

    record ThingCreated(String id) {
    }

    @Test
    void timesAndCountsCommandsByPayloadTypeAndOutcome() {
        MessageMonitor<Message<?>> commandBus = meters.monitorOf(SimpleCommandBus.class, "commandBus");

        MessageMonitor.MonitorCallback first = commandBus.onMessageIngested(command());
        clock.add(Duration.ofMillis(3));
        first.reportSuccess();
        commandBus.onMessageIngested(command()).reportFailure(new IllegalStateException("refused"));
        commandBus.onMessageIngested(command()).reportIgnored();

        Tags tags = Tags.of("payloadType", "CreateThing");
        assertThat(registry.get("commandBus.allTimer").tags(tags).timer().count()).isEqualTo(3);
        assertThat(registry.get("commandBus.allTimer").tags(tags).timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3);
        assertThat(registry.get("commandBus.successTimer").tags(tags).timer().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.failureTimer").tags(tags).timer().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.ignoredTimer").tags(tags).timer().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.ingestedCounter").tags(tags).counter().count()).isEqualTo(3);
        assertThat(registry.get("commandBus.successCounter").tags(tags).counter().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.failureCounter").tags(tags).counter().count()).isEqualTo(1);
        assertThat(registry.get("commandBus.processedCounter").tags(tags).counter().count()).isEqualTo(2);
        assertThat(registry.get("commandBus.ignoredCounter").tags(tags).counter().count()).isEqualTo(1);
    }

    @Test
    void tagsAProcessorsEventsWithItsNameAndGaugesHowOldTheLastEventWas() {
        MessageMonitor<Message<?>> processor = meters.monitorOf(TrackingEventProcessor.class, "entities");
        Instant aMinuteAgo = Instant.now().minusSeconds(60);

        processor.onMessageIngested(new GenericEventMessage<>(new ThingCreated("a"))).reportSuccess();
        processor.onMessageIngested(new GenericEventMessage<>(new ThingCreated("b"))).reportFailure(new IllegalStateException());
        processor.onMessageIngested(new GenericEventMessage<>("c", new ThingCreated("c"), Map.of(), aMinuteAgo)).reportSuccess();

        assertThat(registry.get("eventProcessor.allTimer").tags("processorName", "entities", "payloadType", "ThingCreated")
                .timer().count()).isEqualTo(3);
        assertThat(registry.get("eventProcessor.latency").tags("processorName", "entities").gauge().value())
                .isBetween(60_000.0, 70_000.0);
        assertThat(registry.find("eventProcessor.allTimer").tag("payloadType", "ThingCreated").timers()).hasSize(1);
    }

    @Test
    void registersEachMeterOnceHoweverManyMessagesFollow() {
        MessageMonitor<Message<?>> commandBus = meters.monitorOf(SimpleCommandBus.class, "commandBus");
        commandBus.onMessageIngested(command()).reportSuccess();
        int registered = registry.getMeters().size();

        for (int i = 0; i < 100; i++) {
            commandBus.onMessageIngested(command()).reportSuccess();
        }

        assertThat(registry.getMeters()).hasSize(registered);
        assertThat(registry.get("commandBus.successCounter").counter().count()).isEqualTo(101);
    }

    private static GenericCommandMessage<CreateThing> command() {
        return new GenericCommandMessage<>(new CreateThing("a"));
    }
}
