package dev.eskit.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.rpc.PreconditionFailure;

import dev.eskit.grpc.v1.AppendManyRequest;
import dev.eskit.grpc.v1.AppendManyResponse;
import dev.eskit.grpc.v1.AppendRequest;
import dev.eskit.grpc.v1.AppendResponse;
import dev.eskit.grpc.v1.DeleteStreamRequest;
import dev.eskit.grpc.v1.Direction;
import dev.eskit.grpc.v1.EventTypeCount;
import dev.eskit.grpc.v1.Event;
import dev.eskit.grpc.v1.GetStreamRequest;
import dev.eskit.grpc.v1.ListEventTypesResponse;
import dev.eskit.grpc.v1.ListNamesRequest;
import dev.eskit.grpc.v1.ListPartitionsResponse;
import dev.eskit.grpc.v1.ListStreamsRequest;
import dev.eskit.grpc.v1.ListStreamsResponse;
import dev.eskit.grpc.v1.ListedStream;
import dev.eskit.grpc.v1.NewEvent;
import dev.eskit.grpc.v1.PartitionCount;
import dev.eskit.grpc.v1.ReadStreamRequest;
import dev.eskit.grpc.v1.ReadStreamResponse;
import dev.eskit.grpc.v1.SetMetadataRequest;
import dev.eskit.grpc.v1.StreamCheck;
import dev.eskit.grpc.v1.StreamMetadata;
import dev.eskit.grpc.v1.StreamSummary;
import dev.eskit.support.Api.Role;
import dev.eskit.support.Grpc;
import dev.eskit.support.GrpcApiTest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** eskit.v1.Streams over a real port: the HTTP API's section 1, each refusal with its status and nothing stored. */
abstract class StreamsGrpcTests extends GrpcApiTest {

    @Test
    void appendsAtomicallyAndReadsForwardsAndBackwards() {
        String stream = uniqueStream();
        AppendResponse appended = grpc.streams(Role.WRITER).append(appendRequest(stream, NO_STREAM,
                newEvent("e-1", "Project.Created", "{\"name\":\"alpha\",\"big\":12345678901234567890}"),
                newEvent("Project.Renamed", "{\"name\":\"beta\"}"),
                newEvent("Project.Renamed", "\"gamma\"")));

        assertThat(appended.getStreamId()).isEqualTo(stream);
        assertThat(appended.getFromVersion()).isEqualTo(1);
        assertThat(appended.getToVersion()).isEqualTo(3);
        assertThat(appended.getPositionsList()).hasSize(3).isSorted();
        assertThat(appended.getRetried()).isFalse();

        ReadStreamResponse forwards = grpc.streams(Role.READER).read(ReadStreamRequest.newBuilder().setStreamId(stream).build());
        assertThat(forwards.getVersion()).isEqualTo(3);
        assertThat(forwards.getEventsList()).extracting(Event::getVersion).containsExactly(1L, 2L, 3L);
        Event first = forwards.getEvents(0);
        assertThat(first.getId()).isEqualTo("e-1");
        assertThat(first.getType()).isEqualTo("Project.Created");
        assertThat(first.getPosition()).isEqualTo(appended.getPositions(0));
        assertThat(first.getData()).as("numbers keep their precision").contains("12345678901234567890");
        assertThat(json(first.getMetadata()).get("actor").asString()).isEqualTo("writer");
        assertThat(forwards.getEvents(2).getData()).isEqualTo("\"gamma\"");

        ReadStreamResponse backwards = grpc.streams(Role.READER).read(ReadStreamRequest.newBuilder().setStreamId(stream)
                .setDirection(Direction.BACKWARDS).setLimit(2).build());
        assertThat(backwards.getEventsList()).extracting(Event::getVersion).containsExactly(3L, 2L);
        ReadStreamResponse older = grpc.streams(Role.READER).read(ReadStreamRequest.newBuilder().setStreamId(stream)
                .setDirection(Direction.BACKWARDS).setFromVersion(1).build());
        assertThat(older.getEventsList()).extracting(Event::getVersion).containsExactly(1L);
        ReadStreamResponse fromTwo = grpc.streams(Role.READER).read(ReadStreamRequest.newBuilder().setStreamId(stream)
                .setFromVersion(2).setLimit(1).build());
        assertThat(fromTwo.getEventsList()).extracting(Event::getVersion).containsExactly(2L);

        StreamSummary summary = grpc.streams(Role.READER).getStream(GetStreamRequest.newBuilder().setStreamId(stream).build());
        assertThat(summary.getPartition()).isEqualTo("Project");
        assertThat(summary.getVersion()).isEqualTo(3);
        assertThat(summary.getCreatedAt().getSeconds()).isPositive();
    }

    @Test
    void recordsTheCallerAndTheRequestIdNeverTheClientsClaims() {
        String stream = uniqueStream();
        NewEvent spoofing = newEvent("Project.Created", "{}").toBuilder()
                .setMetadata("{\"source\":\"import\",\"actor\":\"spoofed\"}").build();
        grpc.streams(Role.WRITER)
                .withCallCredentials(Grpc.headers(Map.of(Grpc.AUTHORIZATION, grpc.basicAuthorization(Role.WRITER),
                        Grpc.REQUEST_ID, "req-42")))
                .append(appendRequest(stream, ANY, spoofing));

        JsonNode metadata = json(grpc.streams(Role.READER).read(ReadStreamRequest.newBuilder().setStreamId(stream).build())
                .getEvents(0).getMetadata());
        assertThat(metadata.get("source").asString()).isEqualTo("import");
        assertThat(metadata.get("actor").asString()).as("the principal, never the client's claim").isEqualTo("writer");
        assertThat(metadata.get("requestId").asString()).isEqualTo("req-42");
    }

    @Test
    void aRetryWithTheSameEventIdsStoresNothingAndAnswersTheOriginalResult() {
        String stream = uniqueStream();
        AppendRequest request = appendRequest(stream, NO_STREAM, newEvent("r-1", "Project.Created", "{}"), newEvent("r-2", "Project.Renamed", "{}"));
        AppendResponse first = grpc.streams(Role.WRITER).append(request);
        long head = head();

        AppendResponse again = grpc.streams(Role.WRITER).append(request);

        assertThat(again.getRetried()).isTrue();
        assertThat(again.getPositionsList()).isEqualTo(first.getPositionsList());
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void refusesAWrongExpectedVersionWithTheCurrentOneAndStoresNothing() {
        String stream = uniqueStream();
        grpc.streams(Role.WRITER).append(appendRequest(stream, ANY, newEvent("Project.Created", "{}"), newEvent("Project.Renamed", "{}")));
        long head = head();

        StatusRuntimeException conflict = refused(() -> grpc.streams(Role.WRITER).append(appendRequest(stream, exactly(1), newEvent("Project.Renamed", "{}"))));
        assertThat(conflict.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(Grpc.errorInfo(conflict).getReason()).isEqualTo("WRONG_EXPECTED_VERSION");
        assertThat(Grpc.errorInfo(conflict).getMetadataMap()).containsEntry("current_version", "2");

        StatusRuntimeException exists = refused(() -> grpc.streams(Role.WRITER).append(appendRequest(stream, NO_STREAM, newEvent("Project.Renamed", "{}"))));
        assertThat(exists.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);

        StatusRuntimeException missing = refused(() -> grpc.streams(Role.WRITER).append(appendRequest(uniqueStream(), STREAM_EXISTS, newEvent("Project.Renamed", "{}"))));
        assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(Grpc.errorInfo(missing).getMetadataMap()).containsEntry("current_version", "0");
        assertThat(head()).isEqualTo(head);

        assertThat(grpc.streams(Role.WRITER).append(appendRequest(stream, STREAM_EXISTS, newEvent("Project.Renamed", "{}"))).getToVersion()).isEqualTo(3);
    }

    @Test
    void anEventIdUsedBeforeWithOtherContentIsAlreadyExists() {
        String stream = uniqueStream();
        grpc.streams(Role.WRITER).append(appendRequest(stream, ANY, newEvent("d-1", "Project.Created", "{\"a\":1}")));
        long head = head();

        StatusRuntimeException duplicate = refused(() -> grpc.streams(Role.WRITER)
                .append(appendRequest(stream, ANY, newEvent("d-1", "Project.Created", "{\"a\":2}"))));

        assertThat(duplicate.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void namesEveryInvalidFieldAndStoresNothing() {
        long head = head();
        assertThat(fieldsRefused(appendRequest("bad id!", ANY, newEvent("Project.Created", "{}")))).containsExactly("stream_id");
        assertThat(fieldsRefused(appendRequest(uniqueStream(), ANY))).containsExactly("events");
        assertThat(fieldsRefused(appendRequest(uniqueStream(), ANY, newEvent("NoDot", "{}"), newEvent("Project.Created", "{nope"))))
                .containsExactly("events[1].data");
        assertThat(fieldsRefused(appendRequest(uniqueStream(), ANY, newEvent("NoDot", "{}")))).containsExactly("events[0].type");
        assertThat(fieldsRefused(appendRequest(uniqueStream(), ANY, newEvent("Project.Created", "")))).containsExactly("events[0].data");
        assertThat(fieldsRefused(appendRequest(uniqueStream(), ANY, newEvent("Project.Created", "{}").toBuilder().setMetadata("[1]").build())))
                .containsExactly("events[0].metadata");
        assertThat(fieldsRefused(appendRequest(uniqueStream(), ANY, newEvent("x", "Project.Created", "{}"), newEvent("x", "Project.Renamed", "{}"))))
                .containsExactly("events[1].id");
        assertThat(fieldsRefused(appendRequest(uniqueStream(), ANY, newEvent("i".repeat(129), "Project.Created", "{}"))))
                .containsExactly("events[0].id");
        assertThat(fieldsRefused(appendRequest(uniqueStream(), exactly(-1), newEvent("Project.Created", "{}"))))
                .containsExactly("expected_version.exact");
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void appendsToSeveralStreamsInOneCommitOrToNone() {
        String order = uniqueStream();
        String customer = uniqueStream();
        grpc.streams(Role.WRITER).append(appendRequest(customer, ANY, newEvent("Customer.Registered", "{}")));

        AppendManyResponse stored = grpc.streams(Role.WRITER).appendMany(AppendManyRequest.newBuilder()
                .addAppends(appendRequest(order, NO_STREAM, newEvent("m-1", "Order.Placed", "{}"), newEvent("m-2", "Order.Paid", "{}")))
                .addChecks(StreamCheck.newBuilder().setStreamId(customer).setExpectedVersion(exactly(1)))
                .build());
        assertThat(stored.getResultsList()).extracting(AppendResponse::getStreamId).containsExactly(order);
        assertThat(stored.getResults(0).getToVersion()).isEqualTo(2);
        assertThat(stored.getResults(0).getPositionsList()).hasSize(2);
        assertThat(stored.getRetried()).isFalse();
        long head = head();

        String other = uniqueStream();
        StatusRuntimeException refused = refused(() -> grpc.streams(Role.WRITER).appendMany(AppendManyRequest.newBuilder()
                .addAppends(appendRequest(other, ANY, newEvent("Order.Placed", "{}")))
                .addAppends(appendRequest(order, NO_STREAM, newEvent("Order.Paid", "{}")))
                .addChecks(StreamCheck.newBuilder().setStreamId(customer).setExpectedVersion(STREAM_EXISTS))
                .build()));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(Grpc.preconditionFailure(refused).getViolationsList())
                .extracting(PreconditionFailure.Violation::getType, PreconditionFailure.Violation::getSubject,
                        PreconditionFailure.Violation::getDescription)
                .containsExactly(tuple("STREAM_VERSION", order, "expected no_stream, current 2"));
        assertThat(head()).isEqualTo(head);

        assertThat(invalidFields(() -> grpc.streams(Role.WRITER).appendMany(AppendManyRequest.newBuilder()
                .addAppends(appendRequest(other, ANY, newEvent("NoDot", "{}")))
                .addChecks(StreamCheck.newBuilder().setStreamId(other).setExpectedVersion(ANY))
                .build())))
                .containsExactlyInAnyOrder("appends[0].events[0].type", "checks[0].stream_id");
        assertThat(code(() -> grpc.streams(Role.READER).appendMany(AppendManyRequest.newBuilder()
                .addAppends(appendRequest(other, ANY, newEvent("Order.Placed", "{}"))).build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void deletesSoftlyOrForEver() {
        String soft = uniqueStream();
        String closed = uniqueStream();
        grpc.streams(Role.WRITER).append(appendRequest(soft, ANY, newEvent("Ledger.Opened", "{}")));
        grpc.streams(Role.WRITER).append(appendRequest(closed, ANY, newEvent("Ledger.Opened", "{}")));

        grpc.streams(Role.WRITER).delete(DeleteStreamRequest.newBuilder().setStreamId(soft).setExpectedVersion(exactly(1)).build());
        grpc.streams(Role.WRITER).delete(DeleteStreamRequest.newBuilder().setStreamId(closed).setTombstone(true).build());

        assertThat(code(() -> grpc.streams(Role.READER).read(ReadStreamRequest.newBuilder().setStreamId(soft).build())))
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(grpc.streams(Role.WRITER).append(appendRequest(soft, NO_STREAM, newEvent("Ledger.Opened", "{}"))).getFromVersion())
                .isEqualTo(3);
        StatusRuntimeException gone = refused(() -> grpc.streams(Role.READER).read(ReadStreamRequest.newBuilder().setStreamId(closed).build()));
        assertThat(gone.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(Grpc.errorInfo(gone).getReason()).isEqualTo("STREAM_TOMBSTONED");
        assertThat(invalidFields(() -> grpc.streams(Role.WRITER).delete(DeleteStreamRequest.newBuilder().setStreamId(soft)
                .setExpectedVersion(NO_STREAM).build()))).containsExactly("expected_version");
        assertThat(code(() -> grpc.streams(Role.READER).delete(DeleteStreamRequest.newBuilder().setStreamId(soft).build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void setsMetadataThatReadsFollowAtOnce() {
        String stream = uniqueStream();
        grpc.streams(Role.WRITER).append(appendRequest(stream, ANY, newEvent("Ledger.Opened", "{}"), newEvent("Ledger.Credited", "{}"),
                newEvent("Ledger.Credited", "{}")));

        StreamMetadata set = grpc.streams(Role.WRITER).setMetadata(SetMetadataRequest.newBuilder().setStreamId(stream)
                .setExpectedVersion(NO_STREAM).setMaxCount(1).setCustom("{\"owner\":\"billing\"}").build());

        assertThat(set.getVersion()).isEqualTo(1);
        assertThat(set.hasMaxAge()).isFalse();
        StreamMetadata read = grpc.streams(Role.READER).getMetadata(GetStreamRequest.newBuilder().setStreamId(stream).build());
        assertThat(read.getMaxCount()).isEqualTo(1);
        assertThat(json(read.getCustom()).get("owner").asString()).isEqualTo("billing");
        assertThat(grpc.streams(Role.READER).read(ReadStreamRequest.newBuilder().setStreamId(stream).build()).getEventsList())
                .extracting(Event::getVersion).containsExactly(3L);
        StatusRuntimeException stale = refused(() -> grpc.streams(Role.WRITER).setMetadata(SetMetadataRequest.newBuilder()
                .setStreamId(stream).setExpectedVersion(NO_STREAM).build()));
        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(invalidFields(() -> grpc.streams(Role.WRITER).setMetadata(SetMetadataRequest.newBuilder().setStreamId(stream)
                .setMaxCount(0).build()))).containsExactly("max_count");
    }

    @Test
    void listsStreamsPartitionsAndEventTypes() {
        String partition = uniquePartition();
        String prefix = "grpc-list-" + partition + "-";
        grpc.streams(Role.WRITER).append(appendRequest(prefix + "b", ANY, newEvent(partition + ".Created", "{}")));
        grpc.streams(Role.WRITER).append(appendRequest(prefix + "a", ANY, newEvent(partition + ".Created", "{}"),
                newEvent(partition + ".Renamed", "{}")));

        ListStreamsResponse first = grpc.streams(Role.READER).listStreams(ListStreamsRequest.newBuilder().setPrefix(prefix).setLimit(1).build());
        assertThat(first.getItemsList()).extracting(ListedStream::getStreamId).containsExactly(prefix + "a");
        assertThat(first.getItems(0).getVersion()).isEqualTo(2);
        ListStreamsResponse rest = grpc.streams(Role.READER).listStreams(ListStreamsRequest.newBuilder().setPrefix(prefix)
                .setCursor(first.getNext()).build());
        assertThat(rest.getItemsList()).extracting(ListedStream::getStreamId).containsExactly(prefix + "b");
        assertThat(rest.getNext()).isEmpty();
        assertThat(grpc.streams(Role.READER).listStreams(ListStreamsRequest.newBuilder().setPartition(partition).build()).getItemsCount())
                .isEqualTo(2);

        assertThat(all(cursor -> grpc.streams(Role.READER).listPartitions(ListNamesRequest.newBuilder().setCursor(cursor).build()),
                ListPartitionsResponse::getItemsList, ListPartitionsResponse::getNext))
                .contains(PartitionCount.newBuilder().setName(partition).setCount(3).setStreams(2).build());
        assertThat(all(cursor -> grpc.streams(Role.READER).listEventTypes(ListNamesRequest.newBuilder().setCursor(cursor).build()),
                ListEventTypesResponse::getItemsList, ListEventTypesResponse::getNext))
                .contains(EventTypeCount.newBuilder().setName(partition + ".Created").setCount(2).build());
        assertThat(invalidFields(() -> grpc.streams(Role.READER).listStreams(ListStreamsRequest.newBuilder().setCursor("%%").build())))
                .containsExactly("cursor");
    }

    /** Every item of a listing, page after page. */
    private static <R, T> List<T> all(Function<String, R> page, Function<R, List<T>> items, Function<R, String> next) {
        List<T> all = new ArrayList<>();
        String cursor = "";
        do {
            R response = page.apply(cursor);
            all.addAll(items.apply(response));
            cursor = next.apply(response);
        } while (!cursor.isEmpty());
        return all;
    }

    @Test
    void unknownStreamsAreNotFoundAndBadReadsInvalid() {
        String stream = uniqueStream();
        StatusRuntimeException read = refused(() -> grpc.streams(Role.READER).read(ReadStreamRequest.newBuilder().setStreamId(stream).build()));
        assertThat(read.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(Grpc.errorInfo(read).getReason()).isEqualTo("NOT_FOUND");
        StatusRuntimeException summary = refused(() -> grpc.streams(Role.READER).getStream(GetStreamRequest.newBuilder().setStreamId(stream).build()));
        assertThat(summary.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        StatusRuntimeException limit = refused(() -> grpc.streams(Role.READER).read(ReadStreamRequest.newBuilder()
                .setStreamId(stream).setLimit(1001).build()));
        assertThat(Grpc.violatedFields(limit)).containsExactly("limit");
    }

    private List<String> fieldsRefused(AppendRequest request) {
        StatusRuntimeException failure = refused(() -> grpc.streams(Role.WRITER).append(request));
        assertThat(failure.getStatus().getCode()).as(failure.toString()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(Grpc.errorInfo(failure).getReason()).isEqualTo("INVALID_REQUEST");
        return Grpc.violatedFields(failure);
    }

    static JsonNode json(String text) {
        return dev.eskit.support.Api.JSON.readTree(text);
    }
}
