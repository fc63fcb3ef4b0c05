package dev.eskit.grpc;

import static dev.eskit.grpc.ProtoJson.timestamp;

import com.google.protobuf.Empty;
import dev.eskit.commands.api.AppendToStream;
import dev.eskit.commands.api.DeleteStream;
import dev.eskit.commands.api.ExpectedVersion;
import dev.eskit.commands.api.StreamId;
import dev.eskit.grpc.v1.AppendManyRequest;
import dev.eskit.grpc.v1.AppendManyResponse;
import dev.eskit.grpc.v1.AppendRequest;
import dev.eskit.grpc.v1.AppendResponse;
import dev.eskit.grpc.v1.DeleteStreamRequest;
import dev.eskit.grpc.v1.Direction;
import dev.eskit.grpc.v1.EventTypeCount;
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
import dev.eskit.grpc.v1.StreamSummary;
import dev.eskit.grpc.v1.StreamsGrpc;
import dev.eskit.queries.api.StreamCatalog.Page;
import dev.eskit.queries.api.StreamCatalog.StreamEntry;
import dev.eskit.queries.api.StreamCatalog;
import dev.eskit.queries.api.StreamEvents;
import dev.eskit.web.problem.Problems;
import dev.eskit.web.streams.AppendCommands;
import dev.eskit.web.streams.Listings;
import dev.eskit.web.streams.MultiAppendRequest;
import dev.eskit.web.streams.StreamAppends.Appended;
import dev.eskit.web.streams.StreamAppends;
import dev.eskit.web.streams.StreamIds;
import dev.eskit.web.streams.StreamMetadataRequest;
import dev.eskit.web.streams.StreamMetadataView;
import dev.eskit.web.streams.StreamMetadatas;
import dev.eskit.web.streams.StreamReads;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.grpc.server.service.GrpcService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.StringNode;

/** eskit.v1.Streams: the raw event store, with the HTTP API's checks and answers. */
@GrpcService
class StreamsGrpcService extends StreamsGrpc.StreamsImplBase {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private static final int DEFAULT_STREAMS_LIMIT = 100;
    private static final int DEFAULT_NAMES_LIMIT = 1000;

    private final StreamAppends appends;
    private final StreamReads reads;
    private final StreamMetadatas metadatas;
    private final Listings listings;
    private final ProtoJson json;
    private final ProtoMessages messages;
    private final RequestShapes shapes;

    StreamsGrpcService(StreamAppends appends, StreamReads reads, StreamMetadatas metadatas, Listings listings, ProtoJson json,
                       ProtoMessages messages, RequestShapes shapes) {
        this.appends = appends;
        this.reads = reads;
        this.metadatas = metadatas;
        this.listings = listings;
        this.json = json;
        this.messages = messages;
        this.shapes = shapes;
    }

    @Override
    public void append(AppendRequest request, StreamObserver<AppendResponse> responses) {
        String streamId = StreamIds.require(request.getStreamId());
        List<dev.eskit.web.streams.AppendRequest.EventRequest> events = new ArrayList<>();
        for (int i = 0; i < request.getEventsCount(); i++) {
            events.add(event(request.getEvents(i), "events[" + i + "]"));
        }
        shapes.require(new dev.eskit.web.streams.AppendRequest(null, events));
        AppendToStream command = AppendCommands.from(streamId, expected(request.getExpectedVersion()), events, UUID::randomUUID);
        Unary.reply(responses, response(appends.append(command)));
    }

    private static AppendResponse response(Appended appended) {
        return AppendResponse.newBuilder()
                .setStreamId(appended.response().streamId())
                .setFromVersion(appended.response().fromVersion())
                .setToVersion(appended.response().toVersion())
                .addAllPositions(appended.response().positions())
                .setRetried(appended.retried())
                .build();
    }

    @Override
    public void appendMany(AppendManyRequest request, StreamObserver<AppendManyResponse> responses) {
        List<MultiAppendRequest.StreamAppend> streamAppends = new ArrayList<>();
        for (int i = 0; i < request.getAppendsCount(); i++) {
            AppendRequest append = request.getAppends(i);
            List<dev.eskit.web.streams.AppendRequest.EventRequest> events = new ArrayList<>();
            for (int e = 0; e < append.getEventsCount(); e++) {
                events.add(event(append.getEvents(e), "appends[" + i + "].events[" + e + "]"));
            }
            streamAppends.add(new MultiAppendRequest.StreamAppend(append.getStreamId(), asJson(append.getExpectedVersion()), events));
        }
        List<MultiAppendRequest.Check> checks = request.getChecksList().stream()
                .map(check -> new MultiAppendRequest.Check(check.getStreamId(), asJson(check.getExpectedVersion())))
                .toList();
        MultiAppendRequest body = new MultiAppendRequest(streamAppends, checks);
        shapes.require(body);
        List<Appended> appended = appends.append(AppendCommands.from(body, UUID::randomUUID));
        Unary.reply(responses, AppendManyResponse.newBuilder()
                .addAllResults(appended.stream().map(StreamsGrpcService::response).toList())
                .setRetried(appended.stream().allMatch(Appended::retried))
                .build());
    }

    /** A typed expectation as the HTTP body states it, so that both APIs check it in one place; unset is any. */
    private static JsonNode asJson(dev.eskit.grpc.v1.ExpectedVersion expected) {
        return switch (expected.getExpectationCase()) {
            case EXPECTATION_NOT_SET, ANY -> StringNode.valueOf("any");
            case NO_STREAM -> StringNode.valueOf("no_stream");
            case STREAM_EXISTS -> StringNode.valueOf("stream_exists");
            case EXACT -> LongNode.valueOf(expected.getExact());
        };
    }

    private dev.eskit.web.streams.AppendRequest.EventRequest event(NewEvent event, String field) {
        JsonNode metadata = event.getMetadata().isBlank() ? null : json.object(field + ".metadata", event.getMetadata());
        return new dev.eskit.web.streams.AppendRequest.EventRequest(event.getId().isEmpty() ? null : event.getId(),
                event.getType(), json.value(field + ".data", event.getData()), metadata);
    }

    private static ExpectedVersion expected(dev.eskit.grpc.v1.ExpectedVersion expected) {
        return switch (expected.getExpectationCase()) {
            case ANY, EXPECTATION_NOT_SET -> new ExpectedVersion.Any();
            case NO_STREAM -> new ExpectedVersion.NoStream();
            case STREAM_EXISTS -> new ExpectedVersion.StreamExists();
            case EXACT -> {
                long version = expected.getExact();
                if (version < 0) {
                    throw Problems.invalidField("expectedVersion.exact", "must be at most " + Long.MAX_VALUE);
                }
                yield new ExpectedVersion.Exactly(version);
            }
        };
    }

    @Override
    public void read(ReadStreamRequest request, StreamObserver<ReadStreamResponse> responses) {
        String streamId = StreamIds.require(request.getStreamId());
        int limit = Limits.of("limit", request.getLimit(), DEFAULT_LIMIT, MAX_LIMIT);
        long from = request.getFromVersion();
        if (from < 0) {
            throw Problems.invalidField("fromVersion", "must be at most " + Long.MAX_VALUE);
        }
        StreamEvents events = request.getDirection() == Direction.BACKWARDS
                ? reads.backwards(streamId, from, 1, limit)
                : reads.forwards(streamId, Math.max(from, 1), Long.MAX_VALUE, limit);
        ReadStreamResponse.Builder response = ReadStreamResponse.newBuilder()
                .setStreamId(streamId)
                .setVersion(events.version());
        events.events().forEach(event -> response.addEvents(messages.event(event)));
        Unary.reply(responses, response.build());
    }

    @Override
    public void getStream(GetStreamRequest request, StreamObserver<StreamSummary> responses) {
        String streamId = StreamIds.require(request.getStreamId());
        dev.eskit.queries.api.StreamSummary summary = reads.summary(streamId);
        Unary.reply(responses, StreamSummary.newBuilder()
                .setStreamId(streamId)
                .setPartition(summary.partition())
                .setVersion(summary.version())
                .setCreatedAt(timestamp(summary.createdAt()))
                .setUpdatedAt(timestamp(summary.updatedAt()))
                .build());
    }

    @Override
    public void delete(DeleteStreamRequest request, StreamObserver<Empty> responses) {
        String streamId = StreamIds.require(request.getStreamId());
        ExpectedVersion expected = expected(request.getExpectedVersion());
        if (expected instanceof ExpectedVersion.NoStream || expected instanceof ExpectedVersion.StreamExists) {
            throw Problems.invalidField("expectedVersion", "must be any or an exact version");
        }
        if (expected instanceof ExpectedVersion.Exactly exactly && exactly.version() < 1) {
            throw Problems.invalidField("expectedVersion.exact", "must be between 1 and " + Long.MAX_VALUE);
        }
        appends.delete(new DeleteStream(new StreamId(streamId), expected, request.getTombstone()));
        Unary.reply(responses, Empty.getDefaultInstance());
    }

    @Override
    public void setMetadata(SetMetadataRequest request, StreamObserver<dev.eskit.grpc.v1.StreamMetadata> responses) {
        StreamMetadataRequest body = new StreamMetadataRequest(asJson(request.getExpectedVersion()),
                request.hasMaxAge() ? request.getMaxAge() : null, request.hasMaxCount() ? request.getMaxCount() : null,
                request.hasTruncateBefore() ? request.getTruncateBefore() : null,
                request.getCustom().isBlank() ? null : json.object("custom", request.getCustom()));
        shapes.require(body);
        Unary.reply(responses, metadata(metadatas.set(request.getStreamId(), body)));
    }

    @Override
    public void getMetadata(GetStreamRequest request, StreamObserver<dev.eskit.grpc.v1.StreamMetadata> responses) {
        Unary.reply(responses, metadata(metadatas.get(request.getStreamId())));
    }

    private static dev.eskit.grpc.v1.StreamMetadata metadata(StreamMetadataView view) {
        dev.eskit.grpc.v1.StreamMetadata.Builder metadata = dev.eskit.grpc.v1.StreamMetadata.newBuilder()
                .setStreamId(view.streamId())
                .setVersion(view.version())
                .setCustom(view.custom() == null ? "" : view.custom().toString());
        if (view.maxAge() != null) {
            metadata.setMaxAge(view.maxAge());
        }
        if (view.maxCount() != null) {
            metadata.setMaxCount(view.maxCount());
        }
        if (view.truncateBefore() != null) {
            metadata.setTruncateBefore(view.truncateBefore());
        }
        return metadata.build();
    }

    @Override
    public void listStreams(ListStreamsRequest request, StreamObserver<ListStreamsResponse> responses) {
        Page<StreamEntry> page = listings.streams(request.getPrefix(), request.getPartition(),
                Limits.of("limit", request.getLimit(), DEFAULT_STREAMS_LIMIT, MAX_LIMIT), request.getCursor());
        ListStreamsResponse.Builder response = ListStreamsResponse.newBuilder().setNext(nextOf(page));
        page.items().forEach(stream -> response.addItems(ListedStream.newBuilder()
                .setStreamId(stream.streamId())
                .setPartition(stream.partition())
                .setVersion(stream.version())
                .setUpdatedAt(timestamp(stream.updatedAt()))));
        Unary.reply(responses, response.build());
    }

    @Override
    public void listPartitions(ListNamesRequest request, StreamObserver<ListPartitionsResponse> responses) {
        Page<StreamCatalog.PartitionCount> page = listings.partitions(Limits.of("limit", request.getLimit(), DEFAULT_NAMES_LIMIT, MAX_LIMIT),
                request.getCursor());
        ListPartitionsResponse.Builder response = ListPartitionsResponse.newBuilder().setNext(nextOf(page));
        page.items().forEach(partition -> response.addItems(PartitionCount.newBuilder()
                .setName(partition.name()).setCount(partition.count()).setStreams(partition.streams())));
        Unary.reply(responses, response.build());
    }

    @Override
    public void listEventTypes(ListNamesRequest request, StreamObserver<ListEventTypesResponse> responses) {
        Page<StreamCatalog.NameCount> page = listings.eventTypes(Limits.of("limit", request.getLimit(), DEFAULT_NAMES_LIMIT, MAX_LIMIT),
                request.getCursor());
        ListEventTypesResponse.Builder response = ListEventTypesResponse.newBuilder().setNext(nextOf(page));
        page.items().forEach(type -> response.addItems(EventTypeCount.newBuilder().setName(type.name()).setCount(type.count())));
        Unary.reply(responses, response.build());
    }

    private static String nextOf(Page<?> page) {
        return page.next() == null ? "" : page.next();
    }
}
