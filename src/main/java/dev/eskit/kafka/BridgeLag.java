package dev.eskit.kafka;

import dev.eskit.queries.api.EventLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many stored events the bridge has not yet published: the log's head minus the stored token
 * of the publishing processor's slowest segment, exported as {@code eskit_kafka_bridge_lag_events}.
 * It reads the token store rather than the processor's live status, because a segment whose
 * sends are failing is released and would vanish from that status while it falls behind.
 */
final class BridgeLag {

    static final String METRIC = "eskit.kafka.bridge.lag";

    private final EventLog log;
    private final JdbcTemplate jdbc;
    private final TokenSchema tokens;
    private final Serializer serializer;
    private final String processorName;

    BridgeLag(EventLog log, JdbcTemplate jdbc, TokenSchema tokens, Serializer serializer, String processorName) {
        this.log = log;
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.serializer = serializer;
        this.processorName = processorName;
    }

    void register(MeterRegistry registry) {
        Gauge.builder(METRIC, this, BridgeLag::events)
                .description("events in the store not yet published to Kafka")
                .baseUnit("events")
                .register(registry);
    }

    double events() {
        List<Long> positions = jdbc.query("SELECT " + tokens.tokenColumn() + ", " + tokens.tokenTypeColumn() + " FROM "
                        + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn() + " = ?",
                (row, i) -> position(row.getBytes(1), row.getString(2)), processorName);
        long published = positions.stream().mapToLong(Long::longValue).min().orElse(0);
        return Math.max(0, log.head() - published);
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return 0;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? 0 : tracking.position().orElse(0);
    }
}
