package dev.eskit.metrics.events;

import dev.eskit.commands.api.EventTypes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Counts the stored events per partition and type as {@code eskit_events_store_total}, in the
 * instance that stores them: it sees every event published to the event store and counts it once the
 * unit of work that stores it has committed, so an event refused or rolled back with its group is
 * not counted, and one retried alone is counted once. Summed over the instances, the count is every
 * event stored since they started; each starts from zero, as Prometheus counters do after a restart.
 * A tracking processor counted them before, at the cost of a transaction and a token update for
 * each batch of the log it followed.
 */
@Component
class StoredEventCounter implements MessageDispatchInterceptor<EventMessage<?>> {

    static final String METRIC = "eskit.events.store";

    private final MeterRegistry registry;
    /** Looked up by type once: a lookup by name and tags costs more than the count itself. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    StoredEventCounter(MeterRegistry registry, EventStore events) {
        this.registry = registry;
        events.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
        List<Counter> counted = events.stream().map(event -> counters.computeIfAbsent(EventTypes.of(event), this::counter)).toList();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> counted.forEach(Counter::increment));
        } else {
            counted.forEach(Counter::increment);
        }
        return (index, event) -> event;
    }

    private Counter counter(String type) {
        return Counter.builder(METRIC)
                .description("events stored by this instance, by partition and type")
                .tag("partition", EventTypes.partitionOf(type))
                .tag("type", type)
                .register(registry);
    }
}
