package dev.eskit.metrics.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.commands.api.StreamEventAppended;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The count of stored events, by partition and type, as the metrics processor adds it. */
class StoredEventCounterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StoredEventCounter counter = new StoredEventCounter(registry);

    @Test
    void countsEachEventUnderItsPartitionAndPublicType() {
        handle(appended("Project.Created"));
        handle(appended("Project.Created"));
        handle(appended("Invoice.Paid"));

        assertThat(count("Project", "Project.Created")).isEqualTo(2);
        assertThat(count("Invoice", "Invoice.Paid")).isEqualTo(1);
    }

    @Test
    void countsOnlyOnceTheBatchHasCommitted() {
        UnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(appended("Project.Created"));
        counter.on(batch.getMessage().getPayload(), batch.getMessage());

        assertThat(registry.find(StoredEventCounter.METRIC).counter().count()).isZero();
        batch.rollback();
        assertThat(registry.find(StoredEventCounter.METRIC).counter().count()).isZero();
    }

    private void handle(EventMessage<?> event) {
        UnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(event);
        counter.on(event.getPayload(), event);
        batch.commit();
    }

    private double count(String partition, String type) {
        return registry.get(StoredEventCounter.METRIC).tag("partition", partition).tag("type", type).counter().count();
    }

    private static EventMessage<?> appended(String type) {
        StreamEventAppended payload = new StreamEventAppended("stream-1", "id-" + System.nanoTime(), type,
                JsonMapper.shared().createObjectNode(), null);
        return new GenericDomainEventMessage<>("Stream", "stream-1", 0, payload);
    }
}
