package dev.eskit.grpc;

import com.google.protobuf.Empty;
import dev.eskit.grpc.v1.Consumer;
import dev.eskit.grpc.v1.ConsumersGrpc;
import dev.eskit.grpc.v1.DeleteConsumerRequest;
import dev.eskit.grpc.v1.GetConsumerRequest;
import dev.eskit.grpc.v1.ListConsumersRequest;
import dev.eskit.grpc.v1.ListConsumersResponse;
import dev.eskit.grpc.v1.SaveCheckpointRequest;
import dev.eskit.queries.api.ConsumerCheckpoints;
import dev.eskit.web.consumers.ConsumerNames;
import dev.eskit.web.problem.Problems;
import io.grpc.stub.StreamObserver;
import org.springframework.grpc.server.service.GrpcService;

/** eskit.v1.Consumers: the named checkpoints that HTTP's /consumers shows too. */
@GrpcService
class ConsumersGrpcService extends ConsumersGrpc.ConsumersImplBase {

    private final ConsumerCheckpoints checkpoints;

    ConsumersGrpcService(ConsumerCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public void save(SaveCheckpointRequest request, StreamObserver<Consumer> responses) {
        String name = ConsumerNames.require(request.getName());
        if (request.getCursor().isBlank()) {
            throw Problems.invalidField("cursor", "is required: a cursor from the log");
        }
        Unary.reply(responses, ProtoMessages.consumer(checkpoints.save(name, request.getCursor())));
    }

    @Override
    public void get(GetConsumerRequest request, StreamObserver<Consumer> responses) {
        String name = ConsumerNames.require(request.getName());
        Unary.reply(responses, ProtoMessages.consumer(checkpoints.find(name).orElseThrow(() -> ConsumerNames.unknown(name))));
    }

    @Override
    public void list(ListConsumersRequest request, StreamObserver<ListConsumersResponse> responses) {
        ListConsumersResponse.Builder all = ListConsumersResponse.newBuilder();
        checkpoints.all().forEach(consumer -> all.addConsumers(ProtoMessages.consumer(consumer)));
        Unary.reply(responses, all.build());
    }

    @Override
    public void delete(DeleteConsumerRequest request, StreamObserver<Empty> responses) {
        String name = ConsumerNames.require(request.getName());
        if (!checkpoints.delete(name)) {
            throw ConsumerNames.unknown(name);
        }
        Unary.reply(responses, Empty.getDefaultInstance());
    }
}
