package dev.eskit.store;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC storage on the tables that Flyway owns ({@code db/migration/V1_1}), named the way
 * the rest of the schema is. Event timestamps tick in milliseconds, the precision the API shows,
 * so that a timestamp a client reads back selects exactly the events it saw.
 */
@Configuration(proxyBeanMethods = false)
class EventTableConfiguration {

    static {
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    Clock clock() {
        return GenericEventMessage.clock;
    }

    /**
     * Axon's JDBC engine as its auto-configuration builds it, keeping a gap until no transaction can
     * fill it and reading timestamps once. Axon Server stores the events under the {@code axonserver}
     * profile; its global sequence has no gaps.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema, DataSource dataSource) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .lastSequenceNumberFor(LastSequenceNumbers::statement)
                .createTokenAt(EventsByTime::createTokenAt);
        return new GapSafeJdbcEventStorageEngine(builder, settledPositions(dataSource), transactionManager);
    }

    /**
     * The event store over that engine: Axon's, but with the head of the log that the tracking
     * processors share kept in a ring ({@link LogHeadEventStore}). Axon Server's own event store
     * serves the {@code axonserver} profile.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    LogHeadEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        LogHeadEventStore.Builder builder = LogHeadEventStore.builder();
        builder.storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class));
        return builder.build();
    }

    /** PostgreSQL may have other instances appending; the embedded H2 file has only this process. */
    private static SettledPositions settledPositions(DataSource dataSource) {
        DatabaseProduct database = DatabaseProduct.of(dataSource);
        return database.isPostgres() ? new PostgresSettledPositions() : InProcessSettledPositions.of(database.url());
    }

    /** A lost race for a stream version shows as a conflict that the command bus runs again. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new StreamVersionConflicts();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
