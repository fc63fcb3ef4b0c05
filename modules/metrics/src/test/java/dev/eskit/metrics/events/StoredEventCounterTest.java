package dev.eskit.metrics.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.commands.api.StreamEventAppended;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The count of stored events, by partition and type, as the event store publishes them. */
class StoredEventCounterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();

    StoredEventCounterTest() {
        new StoredEventCounter(registry, store);
    }

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void countsEachEventUnderItsPartitionAndPublicType() {
        store.publish(appended("Project.Created", 0), appended("Project.Created", 1));
        storeInUnitOfWork(appended("Invoice.Paid", 2));

        assertThat(count("Project", "Project.Created")).isEqualTo(2);
        assertThat(count("Invoice", "Invoice.Paid")).isEqualTo(1);
    }

    @Test
    void countsOnlyOnceTheUnitOfWorkThatStoresThemHasCommitted() {
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        store.publish(appended("Project.Created", 0));
        assertThat(registry.find(StoredEventCounter.METRIC).counters()).isEmpty();

        unitOfWork.rollback();
        assertThat(registry.find(StoredEventCounter.METRIC).counters()).allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    @Test
    void countsTheEventsOfANestedUnitOfWorkOnlyWhenItsRootCommits() {
        UnitOfWork<EventMessage<?>> group = DefaultUnitOfWork.startAndGet(null);
        UnitOfWork<EventMessage<?>> kept = DefaultUnitOfWork.startAndGet(null);
        store.publish(appended("Project.Created", 0));
        kept.commit();
        UnitOfWork<EventMessage<?>> refused = DefaultUnitOfWork.startAndGet(null);
        store.publish(appended("Project.Created", 1));
        refused.rollback();
        assertThat(registry.find(StoredEventCounter.METRIC).counters()).allSatisfy(counter -> assertThat(counter.count()).isZero());

        group.commit();
        assertThat(count("Project", "Project.Created")).isEqualTo(1);
    }

    private void storeInUnitOfWork(EventMessage<?> event) {
        DefaultUnitOfWork.startAndGet(event).execute(() -> store.publish(event));
    }

    private double count(String partition, String type) {
        return registry.get(StoredEventCounter.METRIC).tag("partition", partition).tag("type", type).counter().count();
    }

    private static EventMessage<?> appended(String type, long sequence) {
        StreamEventAppended payload = new StreamEventAppended("stream-1", "id-" + System.nanoTime(), type,
                JsonMapper.shared().createObjectNode(), null);
        return new GenericDomainEventMessage<>("Stream", "stream-" + type, sequence, payload);
    }
}
