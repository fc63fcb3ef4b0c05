package dev.eskit.metrics.events;

import dev.eskit.commands.api.EventTypes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Counts the stored events per partition and type as {@code eskit_events_store_total}, following the
 * log on the tracking processor {@code metrics}. Its token is stored, so after a restart it goes
 * on where it stopped; the counter starts from zero, as Prometheus counters do after a restart.
 * A count is added once its batch has committed, so a batch that is retried is not counted twice.
 */
@Component
@ProcessingGroup(StoredEventCounter.PROCESSOR)
class StoredEventCounter {

    static final String PROCESSOR = "metrics";
    static final String METRIC = "eskit.events.store";

    private final MeterRegistry registry;
    /** Looked up by type once: a lookup by name and tags costs more than the count itself. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    StoredEventCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        Counter counter = counters.computeIfAbsent(EventTypes.of(message), this::counter);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> counter.increment());
        } else {
            counter.increment();
        }
    }

    private Counter counter(String type) {
        return Counter.builder(METRIC)
                .description("events stored, by partition and type")
                .tag("partition", EventTypes.partitionOf(type))
                .tag("type", type)
                .register(registry);
    }
}
