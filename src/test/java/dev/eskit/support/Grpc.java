package dev.eskit.support;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import dev.eskit.grpc.v1.ConsumersGrpc;
import dev.eskit.grpc.v1.EntitiesGrpc;
import dev.eskit.grpc.v1.LogGrpc;
import dev.eskit.grpc.v1.StreamsGrpc;
import dev.eskit.support.Api.Role;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Calls the running application's gRPC port as a client would: a real channel, credentials per role. */
public final class Grpc implements AutoCloseable {

    public static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;
    private final String passwordSuffix;

    public Grpc(int port, boolean devAccounts) {
        this.channel = NettyChannelBuilder.forAddress("localhost", port).usePlaintext().build();
        this.passwordSuffix = devAccounts ? "-dev" : "-test";
    }

    public ManagedChannel channel() {
        return channel;
    }

    public StreamsGrpc.StreamsBlockingStub streams(Role role) {
        return as(role, StreamsGrpc.newBlockingStub(channel));
    }

    public LogGrpc.LogBlockingStub log(Role role) {
        return as(role, LogGrpc.newBlockingStub(channel));
    }

    public LogGrpc.LogStub logAsync(Role role) {
        return as(role, LogGrpc.newStub(channel));
    }

    public ConsumersGrpc.ConsumersBlockingStub consumers(Role role) {
        return as(role, ConsumersGrpc.newBlockingStub(channel));
    }

    public EntitiesGrpc.EntitiesBlockingStub entities(Role role) {
        return as(role, EntitiesGrpc.newBlockingStub(channel));
    }

    /** The stub with HTTP Basic credentials of the role's development or test account (none for NONE). */
    public <S extends io.grpc.stub.AbstractStub<S>> S as(Role role, S stub) {
        S timed = stub.withDeadlineAfter(60, TimeUnit.SECONDS);
        if (role == Role.NONE) {
            return timed;
        }
        return timed.withCallCredentials(headers(Map.of(AUTHORIZATION, basicAuthorization(role))));
    }

    /** The role's {@code authorization} value. */
    public String basicAuthorization(Role role) {
        String name = role.name().toLowerCase();
        return basicAuthorization(name, name + passwordSuffix);
    }

    public static String basicAuthorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Credentials that send these metadata entries with every call. */
    public static CallCredentials headers(Map<Metadata.Key<String>, String> entries) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata metadata = new Metadata();
                entries.forEach(metadata::put);
                applier.apply(metadata);
            }
        };
    }

    /** The ErrorInfo of a failed call's google.rpc.Status. */
    public static ErrorInfo errorInfo(StatusRuntimeException failure) {
        return detail(failure, ErrorInfo.class);
    }

    /** The fields a failed call's BadRequest names. */
    public static List<String> violatedFields(StatusRuntimeException failure) {
        return detail(failure, BadRequest.class).getFieldViolationsList().stream()
                .map(BadRequest.FieldViolation::getField).toList();
    }

    /** The PreconditionFailure of a failed call's google.rpc.Status. */
    public static PreconditionFailure preconditionFailure(StatusRuntimeException failure) {
        return detail(failure, PreconditionFailure.class);
    }

    private static <T extends com.google.protobuf.Message> T detail(StatusRuntimeException failure, Class<T> type) {
        com.google.rpc.Status status = StatusProto.fromThrowable(failure);
        if (status == null) {
            throw new AssertionError("no google.rpc.Status in " + failure);
        }
        return status.getDetailsList().stream().filter(any -> any.is(type)).findFirst()
                .map(unpack(type))
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + status));
    }

    private static <T extends com.google.protobuf.Message> Function<com.google.protobuf.Any, T> unpack(Class<T> type) {
        return any -> {
            try {
                return any.unpack(type);
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(e);
            }
        };
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
