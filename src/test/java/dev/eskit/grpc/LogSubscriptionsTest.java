package dev.eskit.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.eskit.grpc.v1.SubscribeResponse;
import dev.eskit.queries.api.EventLog;
import dev.eskit.queries.api.LogEntry;
import dev.eskit.queries.api.LogFollower;
import dev.eskit.queries.api.LogPage;
import dev.eskit.queries.api.Selector;
import io.grpc.stub.ServerCallStreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** The bound on concurrent subscriptions, and what a subscriber is sent when the store is empty. */
class LogSubscriptionsTest {

    @Test
    void refusesASubscriptionPastTheBoundAndClosesItsFollower() {
        LogSubscriptions subscriptions = new LogSubscriptions(new EmptyLog(), new ProtoMessages(null), new SimpleMeterRegistry(),
                Duration.ofMillis(50), 1);
        FakeCall first = new FakeCall();
        subscriptions.start(new IdleFollower(), first);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.sent.stream().anyMatch(SubscribeResponse::hasHeartbeat));
        assertThat(first.sent.get(0).hasCaughtUp()).as("an empty store: caught up at once").isTrue();

        IdleFollower second = new IdleFollower();
        ErrorResponseException refused = catchThrowableOfType(ErrorResponseException.class,
                () -> subscriptions.start(second, new FakeCall()));

        assertThat(refused.getBody().getStatus()).isEqualTo(503);
        assertThat(second.closed).isTrue();
        first.cancel();
        subscriptions.stop();
    }

    private static final class EmptyLog implements EventLog {
        @Override
        public LogPage read(String cursor, int limit, Selector selector, Duration wait) {
            return new LogPage(List.of(), "cursor", 0);
        }

        @Override
        public LogPage scan(String cursor, int limit, Selector selector, int maxScanned) {
            return new LogPage(List.of(), "cursor", 0);
        }

        @Override
        public LogPage readBackwards(String cursor, int limit, Selector selector) {
            return new LogPage(List.of(), "cursor", 0);
        }

        @Override
        public LogFollower follow(String cursor, Selector selector) {
            return new IdleFollower();
        }

        @Override
        public String cursorAt(Instant instant) {
            return "cursor";
        }

        @Override
        public String headCursor() {
            return "cursor";
        }

        @Override
        public long head() {
            return 0;
        }

        @Override
        public long positionOf(String cursor) {
            return 0;
        }
    }

    /** A follower of a log where nothing happens: each wait for the next event runs out, or ends when it is closed. */
    private static final class IdleFollower implements LogFollower {
        private final CountDownLatch closing = new CountDownLatch(1);
        volatile boolean closed;

        @Override
        public Optional<LogEntry> next(Duration timeout) throws InterruptedException {
            closing.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        }

        @Override
        public String cursor() {
            return "cursor";
        }

        @Override
        public void close() {
            closed = true;
            closing.countDown();
        }
    }

    /** A call whose transport is always ready, keeping what it is sent. */
    private static final class FakeCall extends ServerCallStreamObserver<SubscribeResponse> {
        final List<SubscribeResponse> sent = new CopyOnWriteArrayList<>();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private Runnable onCancel = () -> { };

        void cancel() {
            cancelled.set(true);
            onCancel.run();
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public void setOnCancelHandler(Runnable handler) {
            onCancel = handler;
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setOnReadyHandler(Runnable handler) {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }

        @Override
        public void onNext(SubscribeResponse value) {
            sent.add(value);
        }

        @Override
        public void onError(Throwable failure) {
        }

        @Override
        public void onCompleted() {
        }
    }
}
