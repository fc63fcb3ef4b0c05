package dev.eskit.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.eskit.grpc.v1.CreateEntityRequest;
import dev.eskit.grpc.v1.DefineTypeRequest;
import dev.eskit.grpc.v1.DeleteEntityRequest;
import dev.eskit.grpc.v1.Entity;
import dev.eskit.grpc.v1.EntityHistory;
import dev.eskit.grpc.v1.EntityPage;
import dev.eskit.grpc.v1.EntityType;
import dev.eskit.grpc.v1.EntityVersion;
import dev.eskit.grpc.v1.FieldChange;
import dev.eskit.grpc.v1.GetEntityRequest;
import dev.eskit.grpc.v1.GetHistoryRequest;
import dev.eskit.grpc.v1.GetTypeRequest;
import dev.eskit.grpc.v1.ListEntitiesRequest;
import dev.eskit.grpc.v1.ListTypesRequest;
import dev.eskit.grpc.v1.PatchEntityRequest;
import dev.eskit.grpc.v1.ReplaceEntityRequest;
import dev.eskit.support.Api.Role;
import dev.eskit.support.Grpc;
import dev.eskit.support.GrpcApiTest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** eskit.v1.Entities over a real port: the HTTP API's section 4, each refusal with its status and nothing stored. */
abstract class EntitiesGrpcTests extends GrpcApiTest {

    @Test
    void createsReplacesPatchesDeletesAndTravelsInTime() {
        String type = uniquePartition();
        Entity created = grpc.entities(Role.WRITER).create(CreateEntityRequest.newBuilder().setType(type)
                .setDocument("{\"name\":\"Ada\",\"tags\":[\"a\"],\"age\":36}").build());
        assertThat(created.getVersion()).isEqualTo(1);
        assertThat(created.getId()).isNotEmpty();
        assertThat(StreamsGrpcTests.json(created.getData()).get("name").asString()).isEqualTo("Ada");

        Entity replaced = grpc.entities(Role.WRITER).replace(ReplaceEntityRequest.newBuilder().setType(type).setId(created.getId())
                .setExpectedVersion(1).setDocument("{\"name\":\"Ada\",\"tags\":[\"a\",\"b\"]}").build());
        assertThat(replaced.getVersion()).isEqualTo(2);
        Entity patched = grpc.entities(Role.WRITER).patch(PatchEntityRequest.newBuilder().setType(type).setId(created.getId())
                .setExpectedVersion(2).setMergePatch("{\"name\":\"Ada L.\",\"tags\":null}").build());
        assertThat(StreamsGrpcTests.json(patched.getData()).toString()).isEqualTo("{\"name\":\"Ada L.\"}");
        Entity unchanged = grpc.entities(Role.WRITER).patch(PatchEntityRequest.newBuilder().setType(type).setId(created.getId())
                .setExpectedVersion(3).setMergePatch("{}").build());
        assertThat(unchanged.getVersion()).as("a patch that changes nothing stores nothing").isEqualTo(3);

        Entity now = get(GetEntityRequest.newBuilder().setType(type).setId(created.getId()));
        assertThat(now.getVersion()).isEqualTo(3);
        Entity first = get(GetEntityRequest.newBuilder().setType(type).setId(created.getId()).setVersion(1));
        assertThat(StreamsGrpcTests.json(first.getData()).get("age").asInt()).isEqualTo(36);
        Timestamp afterCreate = created.getUpdatedAt();
        Entity asOf = get(GetEntityRequest.newBuilder().setType(type).setId(created.getId()).setAsOf(afterCreate));
        assertThat(asOf.getVersion()).isEqualTo(1);

        EntityHistory history = grpc.entities(Role.READER).history(GetHistoryRequest.newBuilder().setType(type).setId(created.getId()).build());
        assertThat(history.getVersionsList()).extracting(EntityVersion::getEvent).containsExactly("Created", "Updated", "Updated");
        assertThat(history.getVersions(1).getActor()).isEqualTo("writer");
        assertThat(history.getVersions(1).getChangesList()).extracting(FieldChange::getPath).containsExactlyInAnyOrder("/tags", "/age");

        grpc.entities(Role.WRITER).delete(DeleteEntityRequest.newBuilder().setType(type).setId(created.getId()).setExpectedVersion(3).build());
        StatusRuntimeException gone = refused(() -> get(GetEntityRequest.newBuilder().setType(type).setId(created.getId())));
        assertThat(gone.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        Entity deleted = get(GetEntityRequest.newBuilder().setType(type).setId(created.getId()).setIncludeDeleted(true));
        assertThat(deleted.getDeleted()).isTrue();
        assertThat(deleted.getVersion()).isEqualTo(4);
    }

    @Test
    void refusesEachBadRequestWithItsStatusAndStoresNothing() {
        String type = uniquePartition();
        Entity created = grpc.entities(Role.WRITER).create(CreateEntityRequest.newBuilder().setType(type).setId("fixed")
                .setDocument("{\"a\":1}").build());
        long head = head();

        assertThat(code(() -> grpc.entities(Role.WRITER).create(CreateEntityRequest.newBuilder().setType(type).setId("fixed")
                .setDocument("{}").build()))).isEqualTo(Status.Code.ALREADY_EXISTS);
        StatusRuntimeException missingVersion = refused(() -> grpc.entities(Role.WRITER).replace(ReplaceEntityRequest.newBuilder()
                .setType(type).setId("fixed").setDocument("{}").build()));
        assertThat(missingVersion.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(Grpc.errorInfo(missingVersion).getReason()).isEqualTo("EXPECTED_VERSION_REQUIRED");
        StatusRuntimeException stale = refused(() -> grpc.entities(Role.WRITER).patch(PatchEntityRequest.newBuilder()
                .setType(type).setId("fixed").setExpectedVersion(7).setMergePatch("{\"a\":2}").build()));
        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(Grpc.errorInfo(stale).getMetadataMap()).containsEntry("current_version", String.valueOf(created.getVersion()));
        assertThat(code(() -> grpc.entities(Role.WRITER).patch(PatchEntityRequest.newBuilder()
                .setType(type).setId("nobody").setExpectedVersion(1).setMergePatch("{\"a\":2}").build()))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(invalidFields(() -> grpc.entities(Role.WRITER).create(CreateEntityRequest.newBuilder().setType("bad type")
                .setDocument("{}").build()))).containsExactly("type");
        assertThat(invalidFields(() -> grpc.entities(Role.WRITER).create(CreateEntityRequest.newBuilder().setType(type)
                .setDocument("[1]").build()))).containsExactly("document");
        assertThat(invalidFields(() -> grpc.entities(Role.WRITER).patch(PatchEntityRequest.newBuilder().setType(type).setId("fixed")
                .setExpectedVersion(1).setMergePatch("nope").build()))).containsExactly("merge_patch");
        assertThat(invalidFields(() -> get(GetEntityRequest.newBuilder().setType(type).setId("fixed").setVersion(0))))
                .containsExactly("version");
        assertThat(code(() -> get(GetEntityRequest.newBuilder().setType(type).setId("fixed").setVersion(9))))
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(code(() -> grpc.entities(Role.READER).history(GetHistoryRequest.newBuilder().setType(type).setId("nobody").build())))
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void validatesAgainstTheTypesSchemaAndListsPageByPage() {
        String type = uniquePartition();
        EntityType defined = grpc.entities(Role.WRITER).defineType(DefineTypeRequest.newBuilder().setType(type)
                .setSchema("{\"type\":\"object\",\"required\":[\"name\"],\"properties\":{\"name\":{\"type\":\"string\"}}}").build());
        assertThat(defined.getCreated()).isTrue();
        assertThat(defined.getSchemaVersion()).isEqualTo(1);
        assertThat(grpc.entities(Role.READER).getType(GetTypeRequest.newBuilder().setType(type).build()).getSchemaVersion()).isEqualTo(1);
        assertThat(grpc.entities(Role.READER).listTypes(ListTypesRequest.getDefaultInstance()).getTypesList())
                .extracting(EntityType::getType).contains(type);
        assertThat(invalidFields(() -> grpc.entities(Role.WRITER).defineType(DefineTypeRequest.newBuilder().setType(type)
                .setSchema("{\"type\":42}").build()))).isNotEmpty();
        long head = head();

        StatusRuntimeException violation = refused(() -> grpc.entities(Role.WRITER).create(CreateEntityRequest.newBuilder()
                .setType(type).setDocument("{\"name\":7}").build()));
        assertThat(violation.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(Grpc.errorInfo(violation).getReason()).isEqualTo("SCHEMA_VIOLATION");
        assertThat(Grpc.violatedFields(violation)).isNotEmpty();
        assertThat(head()).isEqualTo(head);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(grpc.entities(Role.WRITER).create(CreateEntityRequest.newBuilder().setType(type).setId("e" + i)
                    .setDocument("{\"name\":\"n" + i + "\"}").build()).getId());
        }
        List<String> listed = new ArrayList<>();
        String cursor = "";
        do {
            EntityPage page = grpc.entities(Role.READER).list(ListEntitiesRequest.newBuilder().setType(type).setLimit(2).setCursor(cursor).build());
            page.getItemsList().forEach(entity -> listed.add(entity.getId()));
            cursor = page.getNext();
        } while (!cursor.isEmpty());
        assertThat(listed).containsExactlyElementsOf(ids);
        assertThat(code(() -> grpc.entities(Role.READER).getType(GetTypeRequest.newBuilder().setType(uniquePartition()).build())))
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    private Entity get(GetEntityRequest.Builder request) {
        return grpc.entities(Role.READER).get(request.build());
    }
}
