package dev.eskit.processing.deadletters;

import dev.eskit.processing.api.ProjectionProperties;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Makes each projection's sequenced dead-letter queue: an event whose handler fails is parked with
 * its cause, later events of the same stream (the processors sequence per aggregate) queue behind
 * it, and other streams go on. The queue is Axon's JDBC one on the Flyway table
 * {@code dead_letter_entry} (V4_1), in the projections' own transactions; the JPA queue would store
 * its payloads as PostgreSQL large objects, which is why the event store is on JDBC too.
 */
@Component
public class DeadLetterQueues {

    private static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable("dead_letter_entry")
            .deadLetterIdentifierColumn("dead_letter_id")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final ProjectionProperties properties;

    DeadLetterQueues(ConnectionProvider connections, TransactionManager transactions, Serializer serializer,
                     @Qualifier("eventSerializer") Serializer eventSerializer, ProjectionProperties properties) {
        this.connections = connections;
        this.transactions = transactions;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
        this.properties = properties;
    }

    public SequencedDeadLetterQueue<EventMessage<?>> of(String projection) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(projection)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(SCHEMA)
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .maxSequences(properties.deadLetters().maxSequences())
                .maxSequenceSize(properties.deadLetters().maxSequenceSize())
                .build();
    }
}
