package dev.eskit.grpc;

import com.google.protobuf.Empty;
import dev.eskit.grpc.v1.CreateEntityRequest;
import dev.eskit.grpc.v1.DefineTypeRequest;
import dev.eskit.grpc.v1.DeleteEntityRequest;
import dev.eskit.grpc.v1.EntitiesGrpc;
import dev.eskit.grpc.v1.Entity;
import dev.eskit.grpc.v1.EntityHistory;
import dev.eskit.grpc.v1.EntityPage;
import dev.eskit.grpc.v1.EntityType;
import dev.eskit.grpc.v1.GetEntityRequest;
import dev.eskit.grpc.v1.GetHistoryRequest;
import dev.eskit.grpc.v1.GetTypeRequest;
import dev.eskit.grpc.v1.ListEntitiesRequest;
import dev.eskit.grpc.v1.ListTypesRequest;
import dev.eskit.grpc.v1.ListTypesResponse;
import dev.eskit.grpc.v1.PatchEntityRequest;
import dev.eskit.grpc.v1.ReplaceEntityRequest;
import dev.eskit.web.entities.EntityOperations.DefinedType;
import dev.eskit.web.entities.EntityOperations;
import dev.eskit.web.problem.Problems;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import org.springframework.grpc.server.service.GrpcService;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** eskit.v1.Entities: the entity store and its types, with the HTTP API's checks and answers. */
@GrpcService
class EntitiesGrpcService extends EntitiesGrpc.EntitiesImplBase {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 200;

    private final EntityOperations entities;
    private final ProtoJson json;
    private final ProtoMessages messages;

    EntitiesGrpcService(EntityOperations entities, ProtoJson json, ProtoMessages messages) {
        this.entities = entities;
        this.json = json;
        this.messages = messages;
    }

    @Override
    public void create(CreateEntityRequest request, StreamObserver<Entity> responses) {
        JsonNode document = json.object("document", request.getDocument());
        Unary.reply(responses, messages.entity(request.getId().isEmpty() ? entities.createNew(request.getType(), document)
                : entities.create(request.getType(), request.getId(), document)));
    }

    @Override
    public void get(GetEntityRequest request, StreamObserver<Entity> responses) {
        Long version = request.getAtCase() == GetEntityRequest.AtCase.VERSION ? request.getVersion() : null;
        if (version != null && version < 1) {
            throw Problems.invalidField("version", "must be 1 or more");
        }
        Instant asOf = request.hasAsOf() ? ProtoJson.instant(request.getAsOf()) : null;
        Unary.reply(responses, messages.entity(entities.get(request.getType(), request.getId(), version, asOf,
                request.getIncludeDeleted())));
    }

    @Override
    public void replace(ReplaceEntityRequest request, StreamObserver<Entity> responses) {
        long version = required(request.hasExpectedVersion(), request.getExpectedVersion());
        Unary.reply(responses, messages.entity(entities.replace(request.getType(), request.getId(), version,
                json.object("document", request.getDocument()))));
    }

    @Override
    public void patch(PatchEntityRequest request, StreamObserver<Entity> responses) {
        long version = required(request.hasExpectedVersion(), request.getExpectedVersion());
        Unary.reply(responses, messages.entity(entities.patch(request.getType(), request.getId(), version,
                json.object("mergePatch", request.getMergePatch()))));
    }

    @Override
    public void delete(DeleteEntityRequest request, StreamObserver<Empty> responses) {
        entities.delete(request.getType(), request.getId(), request.hasExpectedVersion() ? request.getExpectedVersion() : null);
        Unary.reply(responses, Empty.getDefaultInstance());
    }

    @Override
    public void history(GetHistoryRequest request, StreamObserver<EntityHistory> responses) {
        EntityHistory.Builder history = EntityHistory.newBuilder();
        entities.history(request.getType(), request.getId()).forEach(entry -> history.addVersions(messages.version(entry)));
        Unary.reply(responses, history.build());
    }

    @Override
    public void list(ListEntitiesRequest request, StreamObserver<EntityPage> responses) {
        int limit = Limits.of("limit", request.getLimit(), DEFAULT_LIMIT, MAX_LIMIT);
        dev.eskit.queries.api.EntityPage page = entities.list(request.getType(), limit,
                request.getCursor().isEmpty() ? null : request.getCursor());
        EntityPage.Builder answer = EntityPage.newBuilder().setNext(page.next() == null ? "" : page.next());
        page.items().forEach(entity -> answer.addItems(messages.entity(entity)));
        Unary.reply(responses, answer.build());
    }

    @Override
    public void defineType(DefineTypeRequest request, StreamObserver<EntityType> responses) {
        DefinedType defined = entities.define(request.getType(), json.value("schema", request.getSchema()));
        Unary.reply(responses, messages.type(defined.view(), defined.created()));
    }

    @Override
    public void getType(GetTypeRequest request, StreamObserver<EntityType> responses) {
        Unary.reply(responses, messages.type(entities.type(request.getType()), false));
    }

    @Override
    public void listTypes(ListTypesRequest request, StreamObserver<ListTypesResponse> responses) {
        ListTypesResponse.Builder all = ListTypesResponse.newBuilder();
        entities.types().forEach(type -> all.addTypes(messages.type(type, false)));
        Unary.reply(responses, all.build());
    }

    /** HTTP's If-Match: a change names the version it was made against. */
    private static long required(boolean given, long version) {
        if (!given) {
            throw Problems.of(HttpStatus.PRECONDITION_REQUIRED, "expected-version-required",
                    "send expected_version: the version you are changing (the version of your last read)");
        }
        return version;
    }
}
