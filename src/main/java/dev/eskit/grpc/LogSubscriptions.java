package dev.eskit.grpc;

import dev.eskit.grpc.v1.CaughtUp;
import dev.eskit.grpc.v1.Heartbeat;
import dev.eskit.grpc.v1.LogEntry;
import dev.eskit.grpc.v1.SubscribeResponse;
import dev.eskit.queries.api.EventLog;
import dev.eskit.queries.api.LogFollower;
import dev.eskit.web.problem.Problems;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Pumps a log follower into a gRPC server stream, one thread per subscription. It sends only while
 * the transport is ready for more (the subscriber's flow-control window), so a slow reader holds
 * back its own follower instead of filling the server's memory. The number of subscriptions is
 * bounded; past it a subscription is refused with UNAVAILABLE, as they all end when the server stops.
 */
@Component
class LogSubscriptions {

    /** How long a subscription behind the head waits for the store to deliver the events it already holds. */
    private static final Duration STORED_EVENTS_WAIT = Duration.ofMillis(50);
    private static final Logger log = LoggerFactory.getLogger(LogSubscriptions.class);

    private final EventLog eventLog;
    private final ProtoMessages messages;
    private final Duration heartbeat;
    private final ThreadPoolExecutor pumps;
    private final Counter sent;

    LogSubscriptions(EventLog eventLog, ProtoMessages messages, MeterRegistry registry,
                     @Value("${eskit.grpc.subscriptions.heartbeat:10s}") Duration heartbeat,
                     @Value("${eskit.grpc.subscriptions.max-concurrent:200}") int maxConcurrent) {
        this.eventLog = eventLog;
        this.messages = messages;
        this.heartbeat = heartbeat;
        AtomicInteger count = new AtomicInteger();
        this.pumps = new ThreadPoolExecutor(0, maxConcurrent, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "grpc-subscription-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.sent = Counter.builder("eskit.grpc.subscription.messages")
                .description("messages sent to gRPC log subscribers: events, caught-up notices and heartbeats")
                .register(registry);
        registry.gauge("eskit.grpc.subscriptions.active", pumps, ThreadPoolExecutor::getActiveCount);
    }

    void start(LogFollower follower, ServerCallStreamObserver<SubscribeResponse> call) {
        Pump pump = new Pump(follower, call, MDC.getCopyOfContextMap());
        call.setOnReadyHandler(pump::wake);
        call.setOnCancelHandler(pump::cancel);
        try {
            pumps.execute(pump);
        } catch (RejectedExecutionException full) {
            follower.close();
            throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "too-many-subscriptions",
                    "the server follows as many log subscriptions as it is configured for; retry later");
        }
    }

    /**
     * Ends every subscription with UNAVAILABLE as soon as the application starts to close, before the
     * gRPC server's graceful shutdown: a subscription never ends by itself, so the server would
     * otherwise wait out its grace period and then cut the streams, which clients see as CANCELLED.
     */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        pumps.shutdownNow();
    }

    /** One subscription: waits for the transport, then for the follower, and sends what it gets. */
    private final class Pump implements Runnable {

        private final LogFollower follower;
        private final ServerCallStreamObserver<SubscribeResponse> call;
        private final Map<String, String> logContext;
        private volatile boolean cancelled;

        Pump(LogFollower follower, ServerCallStreamObserver<SubscribeResponse> call, Map<String, String> logContext) {
            this.follower = follower;
            this.call = call;
            this.logContext = logContext;
        }

        @Override
        public void run() {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try (follower) {
                follow();
            } catch (InterruptedException shuttingDown) {
                Thread.currentThread().interrupt();
                end(Status.UNAVAILABLE.withDescription("the server is shutting down; resubscribe from your last cursor")
                        .asRuntimeException());
            } catch (StatusRuntimeException gone) {
                log.debug("a log subscriber went away: {}", gone.getStatus());
            } catch (RuntimeException failure) {
                end(GrpcProblems.statusOf(failure));
            } finally {
                MDC.clear();
            }
        }

        /**
         * Everything stored so far; the first time nothing is left and the follower stands at the log's
         * head, caught_up; from then on it waits for live events, with a heartbeat whenever none came for
         * a while. Axon Server streams stored events asynchronously, so "nothing yet" alone does not mean
         * caught up: until the follower reaches the head it waits a little for the rest.
         */
        private void follow() throws InterruptedException {
            boolean caughtUp = false;
            Duration catchingUp = Duration.ZERO;
            while (awaitReady()) {
                Optional<dev.eskit.queries.api.LogEntry> next = follower.next(caughtUp ? heartbeat : catchingUp);
                if (cancelled) {
                    return;
                }
                if (next.isPresent()) {
                    catchingUp = Duration.ZERO;
                    send(SubscribeResponse.newBuilder().setEvent(LogEntry.newBuilder()
                            .setEvent(messages.event(next.get().event()))
                            .setCursor(next.get().cursor())).build());
                } else if (!caughtUp && eventLog.positionOf(follower.cursor()) < eventLog.head()) {
                    catchingUp = STORED_EVENTS_WAIT;
                } else if (!caughtUp) {
                    caughtUp = true;
                    send(SubscribeResponse.newBuilder().setCaughtUp(CaughtUp.newBuilder()
                            .setCursor(follower.cursor())
                            .setHead(eventLog.head())).build());
                } else {
                    send(SubscribeResponse.newBuilder().setHeartbeat(Heartbeat.newBuilder()
                            .setCursor(follower.cursor())).build());
                }
            }
        }

        private void send(SubscribeResponse message) {
            call.onNext(message);
            sent.increment();
        }

        private synchronized boolean awaitReady() throws InterruptedException {
            while (!cancelled && !call.isReady()) {
                wait();
            }
            return !cancelled;
        }

        synchronized void wake() {
            notifyAll();
        }

        void cancel() {
            cancelled = true;
            wake();
        }

        private void end(Throwable status) {
            if (!cancelled) {
                call.onError(status);
            }
        }
    }
}
