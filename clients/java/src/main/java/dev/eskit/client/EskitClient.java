package dev.eskit.client;

import dev.eskit.grpc.v1.AppendRequest;
import dev.eskit.grpc.v1.AppendResponse;
import dev.eskit.grpc.v1.ConsumersGrpc;
import dev.eskit.grpc.v1.Direction;
import dev.eskit.grpc.v1.Event;
import dev.eskit.grpc.v1.GetConsumerRequest;
import dev.eskit.grpc.v1.LogGrpc;
import dev.eskit.grpc.v1.NewEvent;
import dev.eskit.grpc.v1.ReadLogRequest;
import dev.eskit.grpc.v1.ReadStreamRequest;
import dev.eskit.grpc.v1.SaveCheckpointRequest;
import dev.eskit.grpc.v1.StreamsGrpc;
import io.grpc.CallCredentials;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * ESKIT over its gRPC API: append with a typed expected version, read a stream either way, read the
 * log by cursor, keep consumer checkpoints, and follow the log with a {@link CatchUpConsumer}. One
 * client holds one HTTP/2 connection; share it, it is thread-safe. Every refusal is an
 * {@link EskitException} ({@link WrongExpectedVersionException} on a version conflict).
 *
 * <pre>{@code
 * try (EskitClient eskit = EskitClient.builder("localhost", 9090).plaintext().basic("writer", "writer-dev").build()) {
 *     eskit.append("order-1", ExpectedVersion.noStream(), List.of(EventData.of("Order.Placed", "{\"total\":3}").withId(id)));
 * }
 * }</pre>
 */
public final class EskitClient implements AutoCloseable {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;
    private final CallCredentials credentials;
    private final Duration deadline;

    private EskitClient(ManagedChannel channel, CallCredentials credentials, Duration deadline) {
        this.channel = channel;
        this.credentials = credentials;
        this.deadline = deadline;
    }

    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    public AppendResult append(String streamId, ExpectedVersion expected, List<EventData> events) {
        AppendRequest.Builder request = AppendRequest.newBuilder().setStreamId(streamId).setExpectedVersion(proto(expected));
        for (EventData event : events) {
            NewEvent.Builder proto = NewEvent.newBuilder().setType(event.type()).setData(event.data());
            if (event.id() != null) {
                proto.setId(event.id());
            }
            if (event.metadata() != null) {
                proto.setMetadata(event.metadata());
            }
            request.addEvents(proto);
        }
        AppendResponse response = call(() -> streams().append(request.build()));
        return new AppendResult(response.getStreamId(), response.getFromVersion(), response.getToVersion(),
                response.getPositionsList(), response.getRetried());
    }

    /** Up to {@code limit} events of a stream from {@code fromVersion} (0: the start of the direction). */
    public List<RecordedEvent> read(String streamId, ReadDirection direction, long fromVersion, int limit) {
        return call(() -> streams().read(ReadStreamRequest.newBuilder().setStreamId(streamId)
                .setDirection(direction == ReadDirection.BACKWARDS ? Direction.BACKWARDS : Direction.FORWARDS)
                .setFromVersion(fromVersion).setLimit(limit).build()))
                .getEventsList().stream().map(EskitClient::recorded).toList();
    }

    /** A page of the log after {@code cursor} (null: from the beginning); {@code selector} null selects everything. */
    public LogPage readLog(String cursor, int limit, String selector) {
        dev.eskit.grpc.v1.LogPage page = call(() -> log().read(ReadLogRequest.newBuilder()
                .setAfter(cursor == null ? "" : cursor).setLimit(limit).setSelector(selector == null ? "" : selector).build()));
        return new LogPage(page.getEntriesList().stream().map(EskitClient::recorded).toList(), page.getCursor(), page.getHead());
    }

    public Optional<Checkpoint> checkpoint(String name) {
        try {
            return Optional.of(checkpoint(consumers().get(GetConsumerRequest.newBuilder().setName(name).build())));
        } catch (StatusRuntimeException failure) {
            if (failure.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw Failures.of(failure);
        }
    }

    public Checkpoint saveCheckpoint(String name, String cursor) {
        return checkpoint(call(() -> consumers().save(SaveCheckpointRequest.newBuilder().setName(name).setCursor(cursor).build())));
    }

    /** A consumer named {@code name}, to configure and start. */
    public CatchUpConsumer.Builder consumer(String name) {
        return new CatchUpConsumer.Builder(this, name);
    }

    /**
     * Connects at once if the channel is waiting out its own reconnect back-off (up to two minutes
     * after a long outage), so that a consumer's back-off decides when it tries again.
     */
    void reconnectNow() {
        channel.resetConnectBackoff();
    }

    /** For subscriptions, which last as long as their consumer: no deadline. */
    LogGrpc.LogBlockingStub subscriptions() {
        return LogGrpc.newBlockingStub(channel).withCallCredentials(credentials);
    }

    private StreamsGrpc.StreamsBlockingStub streams() {
        return StreamsGrpc.newBlockingStub(channel).withCallCredentials(credentials).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private LogGrpc.LogBlockingStub log() {
        return LogGrpc.newBlockingStub(channel).withCallCredentials(credentials).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private ConsumersGrpc.ConsumersBlockingStub consumers() {
        return ConsumersGrpc.newBlockingStub(channel).withCallCredentials(credentials).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException failure) {
            throw Failures.of(failure);
        }
    }

    static RecordedEvent recorded(Event event) {
        return new RecordedEvent(event.getId(), event.getStreamId(), event.getType(), event.getVersion(), event.getPosition(),
                Instant.ofEpochSecond(event.getTimestamp().getSeconds(), event.getTimestamp().getNanos()), event.getData(),
                event.getMetadata());
    }

    private static Checkpoint checkpoint(dev.eskit.grpc.v1.Consumer consumer) {
        return new Checkpoint(consumer.getName(), consumer.getCursor(), consumer.getPosition(), consumer.getLag(),
                Instant.ofEpochSecond(consumer.getUpdatedAt().getSeconds(), consumer.getUpdatedAt().getNanos()));
    }

    private static dev.eskit.grpc.v1.ExpectedVersion proto(ExpectedVersion expected) {
        dev.eskit.grpc.v1.ExpectedVersion.Builder proto = dev.eskit.grpc.v1.ExpectedVersion.newBuilder();
        com.google.protobuf.Empty empty = com.google.protobuf.Empty.getDefaultInstance();
        if (expected instanceof ExpectedVersion.Exactly exactly) {
            return proto.setExact(exactly.version()).build();
        }
        if (expected == ExpectedVersion.noStream()) {
            return proto.setNoStream(empty).build();
        }
        return expected == ExpectedVersion.streamExists() ? proto.setStreamExists(empty).build() : proto.setAny(empty).build();
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Where the server is, how to reach it, and who calls. */
    public static final class Builder {

        private final String host;
        private final int port;
        private ChannelCredentials transport;
        private Supplier<String> authorization;
        private Duration deadline = Duration.ofSeconds(30);

        private Builder(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /** No TLS: for the embedded default and a private network. */
        public Builder plaintext() {
            transport = InsecureChannelCredentials.create();
            return this;
        }

        /** TLS, trusting the JVM's certificate authorities. */
        public Builder tls() {
            transport = TlsChannelCredentials.create();
            return this;
        }

        /** TLS, trusting this PEM certificate (a private CA's, or the server's own). */
        public Builder tls(Path trustedCertificate) {
            try {
                transport = TlsChannelCredentials.newBuilder().trustManager(trustedCertificate.toFile()).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** HTTP Basic credentials of a configured account. */
        public Builder basic(String user, String password) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            authorization = () -> "Basic " + token;
            return this;
        }

        /** A bearer token (a JWT), asked for before every call so that a refreshed token is used. */
        public Builder bearer(Supplier<String> token) {
            authorization = () -> "Bearer " + token.get();
            return this;
        }

        /** How long a unary call may take; 30 s unless set. */
        public Builder deadline(Duration deadline) {
            this.deadline = Objects.requireNonNull(deadline);
            return this;
        }

        public EskitClient build() {
            Objects.requireNonNull(transport, "choose plaintext() or tls()");
            Objects.requireNonNull(authorization, "choose basic(...) or bearer(...)");
            ManagedChannel channel = Grpc.newChannelBuilderForAddress(host, port, transport).build();
            Supplier<String> header = authorization;
            CallCredentials credentials = new CallCredentials() {
                @Override
                public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                    Metadata metadata = new Metadata();
                    metadata.put(AUTHORIZATION, header.get());
                    applier.apply(metadata);
                }
            };
            return new EskitClient(channel, credentials, deadline);
        }
    }
}
