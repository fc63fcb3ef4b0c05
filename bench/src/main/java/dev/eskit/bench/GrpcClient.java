package dev.eskit.bench;

import dev.eskit.grpc.v1.AppendRequest;
import dev.eskit.grpc.v1.NewEvent;
import dev.eskit.grpc.v1.StreamsGrpc;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** The product's gRPC API as a Java service calls it: one HTTP/2 connection shared by every client thread. */
final class GrpcClient implements AutoCloseable {

    private final ManagedChannel channel;
    private final StreamsGrpc.StreamsBlockingStub streams;

    GrpcClient(int port, String user, String password) {
        this.channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        String authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.streams = StreamsGrpc.newBlockingStub(channel).withCallCredentials(new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), authorization);
                applier.apply(headers);
            }
        });
    }

    /** Appends one event whose data is {@code json} to {@code streamId}, whatever its version. */
    void append(String streamId, String type, String json) {
        streams.withDeadlineAfter(60, TimeUnit.SECONDS).append(AppendRequest.newBuilder().setStreamId(streamId)
                .addEvents(NewEvent.newBuilder().setType(type).setData(json)).build());
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
}
