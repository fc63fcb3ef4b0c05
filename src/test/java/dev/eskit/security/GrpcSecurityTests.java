package dev.eskit.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.grpc.v1.AppendRequest;
import dev.eskit.grpc.v1.GetStreamRequest;
import dev.eskit.grpc.v1.ReadLogRequest;
import dev.eskit.grpc.v1.SaveCheckpointRequest;
import dev.eskit.grpc.v1.StreamsGrpc;
import dev.eskit.support.Api.Role;
import dev.eskit.support.Grpc;
import dev.eskit.support.GrpcApiTest;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The gRPC port's security: the HTTP API's accounts and roles, per call, with health and reflection open. */
abstract class GrpcSecurityTests extends GrpcApiTest {

    @Test
    void refusesCallsWithoutOrWithWrongCredentials() {
        assertThat(code(() -> grpc.as(Role.NONE, StreamsGrpc.newBlockingStub(grpc.channel()))
                .getStream(GetStreamRequest.newBuilder().setStreamId(uniqueStream()).build()))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(() -> grpc.as(Role.NONE, StreamsGrpc.newBlockingStub(grpc.channel()))
                .withCallCredentials(Grpc.headers(Map.of(Grpc.AUTHORIZATION, Grpc.basicAuthorization("writer", "wrong"))))
                .append(appendRequest(uniqueStream(), ANY, newEvent("Project.Created", "{}"))))).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void aReaderReadsButEveryWriteIsDeniedAndStoresNothing() {
        long head = head();
        String stream = uniqueStream();
        AppendRequest append = appendRequest(stream, ANY, newEvent("Project.Created", "{}"));

        assertThat(code(() -> grpc.streams(Role.READER).append(append))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> grpc.consumers(Role.READER).save(SaveCheckpointRequest.newBuilder().setName("c-" + uniquePartition())
                .setCursor(endCursor()).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(grpc.log(Role.READER).read(ReadLogRequest.newBuilder().setLimit(1).build()).getHead()).isEqualTo(head);
        assertThat(head()).isEqualTo(head);

        assertThat(grpc.streams(Role.WRITER).append(append).getToVersion()).isEqualTo(1);
        assertThat(grpc.streams(Role.ADMIN).getStream(GetStreamRequest.newBuilder().setStreamId(stream).build()).getVersion()).isEqualTo(1);
    }

    @Test
    void healthAndReflectionAnswerWithoutCredentials() throws Exception {
        HealthCheckResponse health = grpc.as(Role.NONE, HealthGrpc.newBlockingStub(grpc.channel()))
                .check(HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);

        CompletableFuture<List<String>> services = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> reflection = ServerReflectionGrpc.newStub(grpc.channel())
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        services.complete(response.getListServicesResponse().getServiceList().stream().map(ServiceResponse::getName).toList());
                    }

                    @Override
                    public void onError(Throwable failure) {
                        services.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        reflection.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
        reflection.onCompleted();
        assertThat(services.get(30, TimeUnit.SECONDS))
                .contains("eskit.v1.Streams", "eskit.v1.Log", "eskit.v1.Consumers", "eskit.v1.Entities", "grpc.health.v1.Health");
    }
}
