package dev.eskit.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.grpc.v1.CreateEntityRequest;
import dev.eskit.grpc.v1.DeleteEntityRequest;
import dev.eskit.grpc.v1.Event;
import dev.eskit.grpc.v1.LogPage;
import dev.eskit.grpc.v1.PatchEntityRequest;
import dev.eskit.grpc.v1.ReadLogRequest;
import dev.eskit.grpc.v1.ReplaceEntityRequest;
import dev.eskit.support.Api;
import dev.eskit.support.Api.Role;
import dev.eskit.support.GrpcApiTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One scenario driven through gRPC and through HTTP leaves the same events; the log reads across both APIs. */
abstract class ParityTests extends GrpcApiTest {

    @Test
    void theSameScenarioThroughEitherApiStoresTheSameEvents() {
        String partition = uniquePartition();
        String type = uniquePartition();
        String start = endCursor();

        overGrpc(partition, type);
        overHttp(partition, type);

        List<JsonNode> events = readAcrossBothApis(start, partition + ".*," + type + ".*");
        List<String> viaGrpc = comparable(events, partition + "-grpc", "grpc");
        List<String> viaHttp = comparable(events, partition + "-http", "http");
        assertThat(viaGrpc).hasSize(6).isEqualTo(viaHttp);
    }

    private void overGrpc(String partition, String type) {
        grpc.streams(Role.WRITER).append(appendRequest(partition + "-grpc", NO_STREAM,
                newEvent("grpc-1", partition + ".Opened", "{\"n\":1,\"when\":\"now\"}").toBuilder().setMetadata("{\"source\":\"parity\"}").build(),
                newEvent("grpc-2", partition + ".Closed", "[1,2.5,null]")));
        grpc.entities(Role.WRITER).create(CreateEntityRequest.newBuilder().setType(type).setId(partition + "-grpc")
                .setDocument("{\"name\":\"x\",\"tags\":[\"a\"]}").build());
        grpc.entities(Role.WRITER).patch(PatchEntityRequest.newBuilder().setType(type).setId(partition + "-grpc").setExpectedVersion(1)
                .setMergePatch("{\"name\":\"y\",\"tags\":null}").build());
        grpc.entities(Role.WRITER).replace(ReplaceEntityRequest.newBuilder().setType(type).setId(partition + "-grpc").setExpectedVersion(2)
                .setDocument("{\"name\":\"z\"}").build());
        grpc.entities(Role.WRITER).delete(DeleteEntityRequest.newBuilder().setType(type).setId(partition + "-grpc").build());
    }

    private void overHttp(String partition, String type) {
        Map<String, Object> opened = event("http-1", partition + ".Opened", Api.JSON.readTree("{\"n\":1,\"when\":\"now\"}"));
        opened.put("metadata", Map.of("source", "parity"));
        appendOk(partition + "-http", "no_stream", List.of(opened, event("http-2", partition + ".Closed", Api.JSON.readTree("[1,2.5,null]"))));
        String entity = "/api/v1/entities/" + type + "/" + partition + "-http";
        assertThat(api.send(api.request(Role.WRITER, entity).header("If-None-Match", "*").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"tags\":[\"a\"]}"))).status()).isEqualTo(201);
        assertThat(api.send(api.request(Role.WRITER, entity).header("If-Match", "\"1\"").header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"y\",\"tags\":null}"))).status()).isEqualTo(200);
        assertThat(api.send(api.request(Role.WRITER, entity).header("If-Match", "\"2\"").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"z\"}"))).status()).isEqualTo(200);
        assertThat(api.delete(Role.WRITER, entity).status()).isEqualTo(204);
    }

    /** Pages alternately through gRPC and HTTP, each continuing from the other's cursor. */
    private List<JsonNode> readAcrossBothApis(String start, String selector) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = start;
        boolean grpcTurn = true;
        while (true) {
            int before = events.size();
            if (grpcTurn) {
                LogPage page = grpc.log(Role.READER).read(ReadLogRequest.newBuilder().setAfter(cursor).setSelector(selector).setLimit(3).build());
                page.getEntriesList().forEach(event -> events.add(asJson(event)));
                cursor = page.getCursor();
            } else {
                JsonNode page = api.get(Role.READER, "/api/v1/log?limit=3&selector=" + selector + "&after="
                        + URLEncoder.encode(cursor, StandardCharsets.UTF_8)).json();
                page.get("entries").forEach(events::add);
                cursor = page.get("cursor").asString();
            }
            if (events.size() == before) {
                return events;
            }
            grpcTurn = !grpcTurn;
        }
    }

    private static JsonNode asJson(Event event) {
        ObjectNode json = Api.JSON.createObjectNode();
        json.put("id", event.getId());
        json.put("streamId", event.getStreamId());
        json.put("type", event.getType());
        json.put("version", event.getVersion());
        json.set("data", Api.JSON.readTree(event.getData()));
        json.set("metadata", Api.JSON.readTree(event.getMetadata()));
        return json;
    }

    /** The events of the streams whose id contains {@code marker}, without what differs by design: ids and request ids. */
    private static List<String> comparable(List<JsonNode> events, String entityOrStream, String marker) {
        return events.stream()
                .filter(event -> event.get("streamId").asString().endsWith(entityOrStream))
                .map(event -> {
                    ObjectNode copy = (ObjectNode) event.deepCopy();
                    copy.remove("id");
                    copy.remove("position");
                    copy.remove("timestamp");
                    copy.put("streamId", copy.get("streamId").asString().replace(marker, "API"));
                    ((ObjectNode) copy.get("metadata")).remove("requestId");
                    return copy.toString().replace(marker, "API");
                })
                .toList();
    }
}
