package dev.eskit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.support.ApiTest;
import dev.eskit.support.PostgresTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * On PostgreSQL an append commits durably, even though a subscribing processor handles its events
 * inside its transaction; only the tracking processors' own transactions skip waiting for the disk.
 * Each probe reads {@code synchronous_commit} in the transaction its handler runs in.
 */
@PostgresTest
@Import(CommitDurabilityOnPostgresTest.Probes.class)
@TestPropertySource(properties = {
        "axon.eventhandling.processors." + CommitDurabilityOnPostgresTest.INLINE + ".mode=subscribing",
        "axon.eventhandling.processors." + CommitDurabilityOnPostgresTest.TRACKING + ".mode=tracking"})
class CommitDurabilityOnPostgresTest extends ApiTest {

    static final String INLINE = "durability-inline";
    static final String TRACKING = "durability-tracking";

    @Autowired
    private InlineProbe inline;
    @Autowired
    private TrackingProbe tracking;

    @Test
    void anAppendWaitsForTheDiskAndATrackingProcessorsBatchDoesNot() {
        String stream = uniqueStream();

        appendOk(stream, null, List.of(event("Probe.Appended", Map.of("n", 1))));

        assertThat(inline.seen).containsEntry(stream, "on");
        await().untilAsserted(() -> assertThat(tracking.seen).containsEntry(stream, "off"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Probes {

        @Bean
        InlineProbe inlineProbe(JdbcTemplate jdbc) {
            return new InlineProbe(jdbc);
        }

        @Bean
        TrackingProbe trackingProbe(JdbcTemplate jdbc) {
            return new TrackingProbe(jdbc);
        }
    }

    /** Which {@code synchronous_commit} each stream's events were handled under. */
    abstract static class Probe {

        final Map<String, String> seen = new ConcurrentHashMap<>();
        private final JdbcTemplate jdbc;

        Probe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(Object payload, DomainEventMessage<?> event) {
            seen.put(event.getAggregateIdentifier(), jdbc.queryForObject("SHOW synchronous_commit", String.class));
        }
    }

    @ProcessingGroup(INLINE)
    static class InlineProbe extends Probe {
        InlineProbe(JdbcTemplate jdbc) {
            super(jdbc);
        }
    }

    @ProcessingGroup(TRACKING)
    static class TrackingProbe extends Probe {
        TrackingProbe(JdbcTemplate jdbc) {
            super(jdbc);
        }
    }
}
