package dev.eskit.metrics.axon;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Axon's message timers each keep six client-side percentiles in sliding HdrHistogram windows, and
 * four timers (all, success, failure, ignored) record every message: under a replay that was 15 % of
 * the projection thread's CPU. Client-side percentiles cannot be aggregated across instances anyway;
 * the dashboards compute them from the histogram buckets, which stay.
 */
@Component
class AxonTimerPercentiles implements MeterFilter {

    private static final List<String> AXON_TIMERS = List.of("commandBus", "eventProcessor", "eventStore", "queryBus", "eventBus");

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() == Meter.Type.TIMER && AXON_TIMERS.stream().anyMatch(id.getName()::startsWith)) {
            return DistributionStatisticConfig.builder().percentiles().build().merge(config);
        }
        return config;
    }
}
