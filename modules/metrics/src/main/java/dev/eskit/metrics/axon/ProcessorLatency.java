package dev.eskit.metrics.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;

/** How old, in milliseconds, the last event a processor took was when it took it: {@code eventProcessor.latency}. */
class ProcessorLatency {

    private final AtomicLong millis = new AtomicLong();

    ProcessorLatency(MeterRegistry registry, String prefix, String processorName) {
        Gauge.builder(prefix + ".latency", millis, AtomicLong::get)
                .description("the age of the last event the processor took, when it took it, in milliseconds")
                .tag("processorName", processorName)
                .register(registry);
    }

    void took(Message<?> message) {
        if (message instanceof EventMessage<?> event) {
            millis.set(System.currentTimeMillis() - event.getTimestamp().toEpochMilli());
        }
    }
}
