package dev.eskit.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import dev.eskit.grpc.v1.AppendResponse;
import dev.eskit.grpc.v1.Direction;
import dev.eskit.grpc.v1.Event;
import dev.eskit.grpc.v1.LogPage;
import dev.eskit.grpc.v1.NewEvent;
import dev.eskit.grpc.v1.ReadLogRequest;
import dev.eskit.grpc.v1.SubscribeRequest;
import dev.eskit.grpc.v1.SubscribeResponse;
import dev.eskit.support.Api.Role;
import dev.eskit.support.Grpc;
import dev.eskit.support.GrpcApiTest;
import dev.eskit.support.LogSubscriber;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** eskit.v1.Log over a real port: pages, cursors shared with HTTP, and live subscriptions with flow control. */
abstract class LogGrpcTests extends GrpcApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private MeterRegistry meters;

    @Test
    void pagesTheLogAndItsCursorCrossesToHttpAndBack() {
        String partition = uniquePartition();
        String start = endCursor();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            written.add(grpc.streams(Role.WRITER).append(appendRequest(uniqueStream(), ANY, newEvent(partition + ".Happened", "{\"i\":" + i + "}")))
                    .getStreamId());
        }
        List<String> seen = new ArrayList<>();

        LogPage first = grpc.log(Role.READER).read(ReadLogRequest.newBuilder().setAfter(start).setSelector(partition + ".*").setLimit(2).build());
        first.getEntriesList().forEach(event -> seen.add(event.getStreamId()));
        assertThat(first.getHead()).isPositive();

        JsonNode overHttp = api.get(Role.READER, "/api/v1/log?limit=2&selector=" + partition + ".*&after="
                + URLEncoder.encode(first.getCursor(), StandardCharsets.UTF_8)).json();
        overHttp.get("entries").forEach(event -> seen.add(event.get("streamId").asString()));

        LogPage rest = grpc.log(Role.READER).read(ReadLogRequest.newBuilder().setAfter(overHttp.get("cursor").asString())
                .setSelector(partition + ".*").build());
        rest.getEntriesList().forEach(event -> seen.add(event.getStreamId()));

        assertThat(seen).containsExactlyElementsOf(written);

        List<String> backwards = new ArrayList<>();
        String back = "";
        for (int pages = 0; backwards.size() < written.size() && pages < 100; pages++) {
            LogPage page = grpc.log(Role.READER).read(ReadLogRequest.newBuilder().setDirection(Direction.BACKWARDS).setAfter(back)
                    .setSelector(partition + ".*").setLimit(4).build());
            page.getEntriesList().forEach(event -> backwards.add(event.getStreamId()));
            back = page.getCursor();
        }
        List<String> newestFirst = new ArrayList<>(written);
        Collections.reverse(newestFirst);
        assertThat(backwards).containsExactlyElementsOf(newestFirst);
        assertThat(invalidField(ReadLogRequest.newBuilder().setDirection(Direction.BACKWARDS).setWaitSeconds(1).build()))
                .containsExactly("wait_seconds");
    }

    @Test
    void readsAndSubscribesFromAPointInTime() throws Exception {
        String partition = uniquePartition();
        String start = endCursor();
        grpc.streams(Role.WRITER).append(appendRequest(uniqueStream(), ANY, newEvent(partition + ".First", "{}")));
        Timestamp first = grpc.log(Role.READER).read(ReadLogRequest.newBuilder().setSelector(partition + ".*").setAfter(start).build())
                .getEntries(0).getTimestamp();
        Instant firstAt = ProtoJson.instant(first);
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(firstAt.plusMillis(2)));
        grpc.streams(Role.WRITER).append(appendRequest(uniqueStream(), ANY, newEvent(partition + ".Second", "{}")));
        Timestamp between = ProtoJson.timestamp(firstAt.plusMillis(1));

        LogPage page = grpc.log(Role.READER).read(ReadLogRequest.newBuilder().setSelector(partition + ".*").setFrom(between).build());
        assertThat(page.getEntriesList()).extracting(Event::getType).containsExactly(partition + ".Second");
        try (LogSubscriber subscriber = new LogSubscriber(grpc.logAsync(Role.READER), SubscribeRequest.newBuilder()
                .setFromTime(between).setSelector(partition + ".*").build())) {
            SubscribeResponse message = subscriber.next(PATIENCE);
            assertThat(message.getEvent().getEvent().getType()).isEqualTo(partition + ".Second");
        }
        assertThat(invalidFields(() -> grpc.log(Role.READER).read(ReadLogRequest.newBuilder().setAfter(start).setFrom(between).build())))
                .containsExactly("from");
    }

    @Test
    void refusesBadCursorsSelectorsAndLimits() {
        assertThat(invalidField(ReadLogRequest.newBuilder().setAfter("not-a-cursor").build())).containsExactly("cursor");
        assertThat(invalidField(ReadLogRequest.newBuilder().setSelector("User").build())).containsExactly("selector");
        assertThat(invalidField(ReadLogRequest.newBuilder().setLimit(1001).build())).containsExactly("limit");
        assertThat(invalidField(ReadLogRequest.newBuilder().setWaitSeconds(31).build())).containsExactly("wait_seconds");

        try (LogSubscriber subscriber = new LogSubscriber(grpc.logAsync(Role.READER),
                SubscribeRequest.newBuilder().setAfter("not-a-cursor").build())) {
            Status status = subscriber.awaitEnd(PATIENCE);
            assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void announcesCaughtUpThenDeliversLiveEventsAndHeartbeats() throws Exception {
        String partition = uniquePartition();
        try (LogSubscriber subscriber = new LogSubscriber(grpc.logAsync(Role.READER), SubscribeRequest.newBuilder()
                .setFromEnd(Empty.getDefaultInstance()).setSelector(partition + ".*").build())) {
            SubscribeResponse caughtUp = subscriber.next(PATIENCE);
            assertThat(caughtUp.hasCaughtUp()).as(String.valueOf(caughtUp)).isTrue();

            AppendResponse appended = grpc.streams(Role.WRITER).append(appendRequest(uniqueStream(), ANY, newEvent(partition + ".Live", "{}")));
            SubscribeResponse live = subscriber.next(PATIENCE);
            assertThat(live.hasEvent()).as(String.valueOf(live)).isTrue();
            assertThat(live.getEvent().getEvent().getPosition()).isEqualTo(appended.getPositions(0));

            SubscribeResponse heartbeat = subscriber.next(PATIENCE);
            assertThat(heartbeat.hasHeartbeat()).as(String.valueOf(heartbeat)).isTrue();
            assertThat(heartbeat.getHeartbeat().getCursor()).isNotEmpty();
        }
    }

    /**
     * Eight writers append while a subscriber follows; halfway it drops the call and resubscribes
     * from the last cursor it got. Every acknowledged event arrives exactly once.
     */
    @Test
    void deliversEveryAcknowledgedEventOnceAcrossADisconnectWhileEightWritersAppend() throws Exception {
        String partition = uniquePartition();
        SubscribeRequest.Builder request = SubscribeRequest.newBuilder().setAfter(endCursor()).setSelector(partition + ".*");
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> writing = IntStream.range(0, 8).<Future<?>>mapToObj(writer -> writers.submit(() -> {
            for (int i = 0; i < 25; i++) {
                acknowledged.addAll(grpc.streams(Role.WRITER)
                        .append(appendRequest(partition + "-w" + writer, ANY, newEvent(partition + ".Written", "{\"i\":" + i + "}")))
                        .getPositionsList());
            }
        })).toList();

        List<Long> received = new ArrayList<>();
        String lastCursor;
        try (LogSubscriber first = new LogSubscriber(grpc.logAsync(Role.READER), request.build())) {
            lastCursor = collect(first, received, 60);
        }
        try (LogSubscriber resumed = new LogSubscriber(grpc.logAsync(Role.READER), request.setAfter(lastCursor).build())) {
            for (Future<?> writer : writing) {
                writer.get();
            }
            writers.shutdown();
            collect(resumed, received, 200 - received.size());
        }

        assertThat(acknowledged).hasSize(200);
        // positions are taken before commit, so concurrent writers' events arrive in commit order, not sorted
        assertThat(received).as("no repeat").doesNotHaveDuplicates();
        assertThat(new HashSet<>(received)).as("no gap").isEqualTo(acknowledged);
    }

    /** Takes events (skipping other messages) until it has {@code count}, answering the cursor after the last. */
    private static String collect(LogSubscriber subscriber, List<Long> positions, int count) throws InterruptedException {
        String cursor = null;
        int taken = 0;
        while (taken < count) {
            SubscribeResponse message = subscriber.next(PATIENCE);
            assertThat(message).as("the subscription went quiet after %d of %d events", taken, count).isNotNull();
            if (message.hasEvent()) {
                positions.add(message.getEvent().getEvent().getPosition());
                cursor = message.getEvent().getCursor();
                taken++;
            }
        }
        return cursor;
    }

    /**
     * A subscriber that asks for one message while thousands are stored: the server sends what the
     * flow-control window holds and then waits, instead of queueing the rest in memory; once the
     * subscriber reads on, every event arrives once.
     */
    @Test
    void aSlowSubscriberHoldsTheServerBackInsteadOfFillingItsMemory() throws Exception {
        String partition = uniquePartition();
        String start = endCursor();
        String padding = "x".repeat(2000);
        int total = 3000;
        for (int batch = 0; batch < total / 100; batch++) {
            List<NewEvent> events = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                events.add(newEvent(partition + ".Bulky", "{\"padding\":\"" + padding + "\"}"));
            }
            grpc.streams(Role.WRITER).append(appendRequest(partition + "-" + batch, ANY, events.toArray(NewEvent[]::new)));
        }
        double sentBefore = sent();

        try (LogSubscriber slow = new LogSubscriber(grpc.logAsync(Role.READER),
                SubscribeRequest.newBuilder().setAfter(start).setSelector(partition + ".*").build(), 1)) {
            assertThat(slow.next(PATIENCE)).isNotNull();
            AtomicReference<Double> previous = new AtomicReference<>(Double.NaN);
            await("the server stops sending").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> previous.getAndSet(sent()).equals(previous.get()));
            double heldAt = sent() - sentBefore;
            assertThat(heldAt).as("messages the server sent before the window filled").isLessThan(total / 2.0);

            slow.request(Integer.MAX_VALUE);
            Set<String> ids = new HashSet<>();
            List<Long> positions = new ArrayList<>();
            while (positions.size() < total - 1) {
                SubscribeResponse message = slow.next(PATIENCE);
                assertThat(message).isNotNull();
                if (message.hasEvent()) {
                    Event event = message.getEvent().getEvent();
                    assertThat(ids.add(event.getId())).isTrue();
                    positions.add(event.getPosition());
                }
            }
            assertThat(positions).isSorted();
        }
    }

    private double sent() {
        return meters.get("eskit.grpc.subscription.messages").counter().count();
    }

    private List<String> invalidField(ReadLogRequest request) {
        StatusRuntimeException failure = refused(() -> grpc.log(Role.READER).read(request));
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        return Grpc.violatedFields(failure);
    }
}
