package dev.eskit.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.grpc.v1.Consumer;
import dev.eskit.grpc.v1.DeleteConsumerRequest;
import dev.eskit.grpc.v1.GetConsumerRequest;
import dev.eskit.grpc.v1.ListConsumersRequest;
import dev.eskit.grpc.v1.ReadLogRequest;
import dev.eskit.grpc.v1.SaveCheckpointRequest;
import dev.eskit.support.Api.Role;
import dev.eskit.support.GrpcApiTest;
import io.grpc.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** eskit.v1.Consumers over a real port: the same checkpoints as HTTP's /consumers. */
abstract class ConsumersGrpcTests extends GrpcApiTest {

    @Test
    void savesReadsListsAndDeletesACheckpointThatHttpSeesToo() {
        String name = "c-" + uniquePartition();
        String before = endCursor();
        long position = grpc.streams(Role.WRITER).append(appendRequest(uniqueStream(), ANY, newEvent("Project.Created", "{}")))
                .getPositions(0);
        String cursor = grpc.log(Role.READER).read(ReadLogRequest.newBuilder().setAfter(before).setLimit(1).build()).getCursor();

        Consumer saved = grpc.consumers(Role.WRITER).save(SaveCheckpointRequest.newBuilder().setName(name).setCursor(cursor).build());
        assertThat(saved.getCursor()).isEqualTo(cursor);
        assertThat(saved.getPosition()).isEqualTo(position);
        assertThat(saved.getLag()).isEqualTo(head() - saved.getPosition());

        assertThat(grpc.consumers(Role.READER).get(GetConsumerRequest.newBuilder().setName(name).build()).getCursor()).isEqualTo(cursor);
        assertThat(api.get(Role.READER, "/api/v1/consumers/" + name).json().get("cursor").asString()).isEqualTo(cursor);
        assertThat(grpc.consumers(Role.READER).list(ListConsumersRequest.getDefaultInstance()).getConsumersList())
                .extracting(Consumer::getName).contains(name);

        api.put(Role.WRITER, "/api/v1/consumers/" + name, Map.of("cursor", endCursor()));
        assertThat(grpc.consumers(Role.READER).get(GetConsumerRequest.newBuilder().setName(name).build()).getLag()).isZero();

        grpc.consumers(Role.WRITER).delete(DeleteConsumerRequest.newBuilder().setName(name).build());
        assertThat(code(() -> grpc.consumers(Role.READER).get(GetConsumerRequest.newBuilder().setName(name).build())))
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(code(() -> grpc.consumers(Role.WRITER).delete(DeleteConsumerRequest.newBuilder().setName(name).build())))
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void refusesBadNamesAndCursorsAndSavesNothing() {
        String name = "c-" + uniquePartition();
        assertThat(invalidFields(() -> grpc.consumers(Role.WRITER).save(SaveCheckpointRequest.newBuilder().setName("bad name")
                .setCursor(endCursor()).build()))).containsExactly("name");
        assertThat(invalidFields(() -> grpc.consumers(Role.WRITER).save(SaveCheckpointRequest.newBuilder().setName(name)
                .setCursor("garbage").build()))).containsExactly("cursor");
        assertThat(invalidFields(() -> grpc.consumers(Role.WRITER).save(SaveCheckpointRequest.newBuilder().setName(name).build())))
                .containsExactly("cursor");
        assertThat(api.get(Role.READER, "/api/v1/consumers/" + name).status()).isEqualTo(404);
    }
}
