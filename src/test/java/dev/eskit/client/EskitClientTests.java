package dev.eskit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.eskit.support.GrpcApiTest;
import io.grpc.Status;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;

/** The Java client against the product on a real port: every call, and each refusal as its exception. */
abstract class EskitClientTests extends GrpcApiTest {

    @LocalGrpcServerPort
    private int port;
    @Value("${eskit.security.dev-accounts}")
    private boolean devAccounts;

    private EskitClient writer;
    private EskitClient reader;

    @BeforeEach
    void connectClients() {
        String suffix = devAccounts ? "-dev" : "-test";
        writer = EskitClient.builder("localhost", port).plaintext().basic("writer", "writer" + suffix).build();
        reader = EskitClient.builder("localhost", port).plaintext().basic("reader", "reader" + suffix).build();
    }

    @AfterEach
    void closeClients() throws InterruptedException {
        writer.close();
        reader.close();
    }

    @Test
    void appendsReadsBothWaysAndRetriesIdempotently() {
        String stream = uniqueStream();
        List<EventData> events = List.of(EventData.of("Order.Placed", "{\"total\":3}").withId(UUID.randomUUID().toString())
                .withMetadata("{\"source\":\"client\"}"), EventData.of("Order.Paid", "{}").withId(UUID.randomUUID().toString()));

        AppendResult appended = writer.append(stream, ExpectedVersion.noStream(), events);
        AppendResult again = writer.append(stream, ExpectedVersion.noStream(), events);

        assertThat(appended.fromVersion()).isEqualTo(1);
        assertThat(appended.toVersion()).isEqualTo(2);
        assertThat(appended.retried()).isFalse();
        assertThat(again.retried()).isTrue();
        assertThat(again.positions()).isEqualTo(appended.positions());
        assertThat(reader.read(stream, ReadDirection.FORWARDS, 0, 10)).extracting(RecordedEvent::type)
                .containsExactly("Order.Placed", "Order.Paid");
        List<RecordedEvent> newestFirst = reader.read(stream, ReadDirection.BACKWARDS, 0, 10);
        assertThat(newestFirst).extracting(RecordedEvent::version).containsExactly(2L, 1L);
        assertThat(newestFirst.get(1).metadata()).contains("\"source\":\"client\"").contains("\"actor\":\"writer\"");
        assertThat(newestFirst.get(1).partition()).isEqualTo("Order");
        assertThat(writer.append(stream, ExpectedVersion.exactly(2), List.of(EventData.of("Order.Shipped", "{}"))).toVersion())
                .isEqualTo(3);
        assertThat(writer.append(stream, ExpectedVersion.streamExists(), List.of(EventData.of("Order.Closed", "{}"))).toVersion())
                .isEqualTo(4);
        assertThat(writer.append(stream, ExpectedVersion.any(), List.of(EventData.of("Order.Archived", "{}"))).toVersion())
                .isEqualTo(5);
    }

    @Test
    void aVersionConflictCarriesTheCurrentVersionAndOtherRefusalsTheirReason() {
        String stream = uniqueStream();
        writer.append(stream, ExpectedVersion.any(), List.of(EventData.of("Order.Placed", "{}")));

        WrongExpectedVersionException conflict = catchThrowableOfType(WrongExpectedVersionException.class,
                () -> writer.append(stream, ExpectedVersion.noStream(), List.of(EventData.of("Order.Placed", "{}"))));
        assertThat(conflict.currentVersion()).isEqualTo(1);
        assertThat(conflict.transientFailure()).isFalse();

        EskitException invalid = catchThrowableOfType(EskitException.class,
                () -> writer.append(stream, ExpectedVersion.any(), List.of(EventData.of("NoPartition", "{}"))));
        assertThat(invalid.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(invalid.reason()).isEqualTo("INVALID_REQUEST");

        EskitException denied = catchThrowableOfType(EskitException.class,
                () -> reader.append(stream, ExpectedVersion.any(), List.of(EventData.of("Order.Placed", "{}"))));
        assertThat(denied.code()).isEqualTo(Status.Code.PERMISSION_DENIED);

        EskitException missing = catchThrowableOfType(EskitException.class,
                () -> reader.read(uniqueStream(), ReadDirection.FORWARDS, 0, 10));
        assertThat(missing.code()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void readsTheLogByCursorAndKeepsCheckpoints() {
        String partition = uniquePartition();
        String start = endCursor();
        for (int i = 0; i < 3; i++) {
            writer.append(uniqueStream(), ExpectedVersion.any(), List.of(EventData.of(partition + ".Happened", "{\"i\":" + i + "}")));
        }
        LogPage first = reader.readLog(start, 2, partition + ".*");
        LogPage rest = reader.readLog(first.cursor(), 10, partition + ".*");
        assertThat(first.events()).hasSize(2);
        assertThat(rest.events()).hasSize(1);

        String name = "client-" + partition;
        assertThat(reader.checkpoint(name)).isEmpty();
        Checkpoint saved = writer.saveCheckpoint(name, first.cursor());
        assertThat(saved.position()).isEqualTo(first.events().get(1).position());
        assertThat(reader.checkpoint(name)).map(Checkpoint::cursor).contains(first.cursor());
        EskitException badCursor = catchThrowableOfType(EskitException.class, () -> writer.saveCheckpoint(name, "garbage"));
        assertThat(badCursor.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }
}
