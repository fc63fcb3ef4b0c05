package dev.eskit.client;

import com.google.protobuf.Empty;
import dev.eskit.grpc.v1.SubscribeRequest;
import dev.eskit.grpc.v1.SubscribeResponse;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the global log for a named consumer and hands each event to a handler, at least once and
 * in log order, on a thread of its own. Its place is a checkpoint on the server (the consumers API),
 * saved every N events or T, when it catches up, and when it stops cleanly; a consumer started again
 * continues from there.
 * <p>
 * <b>After a drop</b> (the server restarts, the network breaks, the store is briefly unavailable) it
 * resubscribes by itself right after the last event it handled, waiting between attempts with
 * exponential back-off and full jitter; nothing is missed, and an event is handled twice only when
 * the process itself stopped between handling it and saving its checkpoint. A refusal that will not
 * pass by itself (bad credentials, a malformed cursor) stops it with that failure.
 * <p>
 * <b>A failing handler</b> is called again for the same event, up to the configured retries. Then,
 * by default, the consumer stops with an {@link EventHandlingException} carrying the event and the
 * cause, its checkpoint before that event; with {@link PoisonPolicy#SKIP} it logs the event and goes
 * on. The handler can also stop the consumer itself through {@link Control}: cleanly after the
 * event, or fatally without moving the checkpoint past it.
 */
public final class CatchUpConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatchUpConsumer.class);

    /** Where a consumer without a saved checkpoint begins; a saved checkpoint always wins. */
    public enum Start { BEGINNING, END }

    /** What a consumer does with an event its handler keeps failing on. */
    public enum PoisonPolicy { STOP, SKIP }

    public enum State { NEW, RUNNING, STOPPED, FAILED }

    /** Takes one event; throwing means "not handled" and the event is offered again. */
    @FunctionalInterface
    public interface EventHandler {
        void handle(RecordedEvent event, Control control) throws Exception;
    }

    /** Lets a handler end the consumer. */
    public interface Control {
        /** Stop after this event, which counts as handled: the checkpoint moves past it. */
        void stop();

        /** Stop fatally at this event: the checkpoint does not move past it. */
        void fail(Throwable cause);
    }

    /** What happens to a consumer, for the application's logs and health. Every method has a default. */
    public interface Listener {
        default void caughtUp(long head) {
        }

        default void fellBehind(long lag) {
        }

        default void resubscribing(Throwable cause, Duration delay) {
        }

        default void stopped(Optional<Throwable> failure) {
        }
    }

    interface Meters {
        Meters NONE = new Meters() {
        };

        default void handled() {
        }

        default void skipped() {
        }

        default void lag(long events) {
        }
    }

    private final EskitClient client;
    private final String name;
    private final Settings settings;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile State state = State.NEW;
    private volatile boolean stopping;
    private volatile Context.CancellableContext call;
    private volatile Throwable failure;
    private String cursor;
    private String savedCursor;
    private int unsaved;
    private long lastSave = System.nanoTime();
    private boolean caughtUp;
    /** Drops since the last message that came through: what the back-off grows with. */
    private int drops;

    private CatchUpConsumer(EskitClient client, String name, Settings settings) {
        this.client = client;
        this.name = name;
        this.settings = settings;
        this.thread = new Thread(this::run, "eskit-consumer-" + name);
        this.thread.setDaemon(true);
    }

    public String name() {
        return name;
    }

    public State state() {
        return state;
    }

    /** Why it stopped, when it did not stop cleanly. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Stops after the event being handled, saving the checkpoint, and waits up to {@code timeout}. */
    public boolean stop(Duration timeout) throws InterruptedException {
        stopping = true;
        Context.CancellableContext current = call;
        if (current != null) {
            current.cancel(null);
        }
        synchronized (this) {
            notifyAll();
        }
        return awaitStop(timeout);
    }

    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }

    private void run() {
        try {
            cursor = client.checkpoint(name).map(Checkpoint::cursor).orElse(null);
            savedCursor = cursor;
            while (!stopping) {
                try {
                    follow();
                } catch (StatusRuntimeException dropped) {
                    if (stopping) {
                        break;
                    }
                    // a subscription cancelled while the consumer goes on was cut by the server or a proxy in between
                    EskitException failed = Failures.of(dropped);
                    if (!failed.transientFailure() && dropped.getStatus().getCode() != Status.Code.CANCELLED) {
                        throw failed;
                    }
                    Duration delay = backOff(drops++);
                    log.info("consumer {} lost its subscription ({}); resubscribing after {} from {}", name,
                            dropped.getStatus().getCode(), delay, cursor == null ? "the start" : "its last event");
                    settings.listener.resubscribing(dropped, delay);
                    caughtUp = false;
                    pause(delay);
                    client.reconnectNow();
                }
            }
            save();
            state = failure == null ? State.STOPPED : State.FAILED;
        } catch (InterruptedException interrupted) {
            saveQuietly();
            state = failure == null ? State.STOPPED : State.FAILED;
        } catch (RuntimeException | Error fatal) {
            if (failure == null) {
                failure = fatal instanceof StatusRuntimeException grpc ? Failures.of(grpc) : fatal;
            }
            saveQuietly();
            state = State.FAILED;
            log.error("consumer {} stopped: {}", name, failure.getMessage());
        } finally {
            settings.listener.stopped(failure());
            stopped.countDown();
        }
    }

    /**
     * One subscription, until it ends: the server or the network dropped it (an exception), or the
     * consumer stops. Without a cursor yet, it starts where the consumer was told to.
     */
    private void follow() throws InterruptedException {
        SubscribeRequest.Builder request = SubscribeRequest.newBuilder().setSelector(settings.selector);
        if (cursor != null) {
            request.setAfter(cursor);
        } else if (settings.start == Start.END) {
            request.setFromEnd(Empty.getDefaultInstance());
        } else {
            request.setFromStart(Empty.getDefaultInstance());
        }
        Context.CancellableContext context = Context.current().withCancellation();
        call = context;
        if (stopping) {
            context.cancel(null);
        }
        Context previous = context.attach();
        try {
            Iterator<SubscribeResponse> messages = client.subscriptions().subscribe(request.build());
            while (!stopping && messages.hasNext()) {
                SubscribeResponse message = messages.next();
                drops = 0;
                switch (message.getMessageCase()) {
                    case EVENT -> take(EskitClient.recorded(message.getEvent().getEvent()), message.getEvent().getCursor());
                    case CAUGHT_UP -> {
                        cursor = message.getCaughtUp().getCursor();
                        save();
                        if (!caughtUp) {
                            caughtUp = true;
                            settings.listener.caughtUp(message.getCaughtUp().getHead());
                        }
                    }
                    case HEARTBEAT -> {
                        cursor = message.getHeartbeat().getCursor();
                        saveWhenDue();
                    }
                    case MESSAGE_NOT_SET -> {
                    }
                }
            }
            if (!stopping) {
                throw Status.UNAVAILABLE.withDescription("the server ended the subscription").asRuntimeException();
            }
        } finally {
            context.detach(previous);
            context.cancel(null);
        }
    }

    private void take(RecordedEvent event, String after) throws InterruptedException {
        HandlerControl control = new HandlerControl();
        for (int attempt = 1; ; attempt++) {
            try {
                settings.handler.handle(event, control);
                break;
            } catch (InterruptedException interrupted) {
                throw interrupted;
            } catch (Exception thrown) {
                if (attempt > settings.retries) {
                    if (settings.poison == PoisonPolicy.SKIP) {
                        log.warn("consumer {} skips {} at position {} after {} attempts", name, event.type(), event.position(),
                                attempt, thrown);
                        settings.meters.skipped();
                        advance(after);
                        return;
                    }
                    failure = new EventHandlingException(event, attempt, thrown);
                    stopping = true;
                    return;
                }
                log.debug("consumer {}: attempt {} at position {} failed", name, attempt, event.position(), thrown);
                pause(settings.retryDelay.multipliedBy(1L << Math.min(attempt - 1, 10)));
                if (stopping) {
                    return;
                }
            }
        }
        if (control.fatal != null) {
            failure = new EventHandlingException(event, 1, control.fatal);
            stopping = true;
            return;
        }
        settings.meters.handled();
        advance(after);
        if (control.stop) {
            stopping = true;
        }
    }

    /** Waits, unless and until the consumer is stopped: a stop never waits out a back-off. */
    private synchronized void pause(Duration delay) throws InterruptedException {
        long deadline = System.nanoTime() + delay.toNanos();
        for (long left = delay.toNanos(); !stopping && left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private void advance(String after) {
        cursor = after;
        unsaved++;
        saveWhenDue();
    }

    private void saveWhenDue() {
        if (unsaved >= settings.checkpointEvents || System.nanoTime() - lastSave >= settings.checkpointInterval.toNanos()) {
            save();
        }
    }

    /** Saves the cursor when it moved; a save the server cannot take now is tried again later. */
    private void save() {
        if (cursor == null || cursor.equals(savedCursor)) {
            return;
        }
        try {
            Checkpoint checkpoint = client.saveCheckpoint(name, cursor);
            savedCursor = cursor;
            unsaved = 0;
            lastSave = System.nanoTime();
            settings.meters.lag(checkpoint.lag());
            if (caughtUp && checkpoint.lag() > settings.fellBehindAt) {
                caughtUp = false;
                settings.listener.fellBehind(checkpoint.lag());
            }
        } catch (EskitException refused) {
            if (!refused.transientFailure()) {
                throw refused;
            }
            log.debug("consumer {} could not save its checkpoint now: {}", name, refused.getMessage());
        }
    }

    private void saveQuietly() {
        try {
            save();
        } catch (RuntimeException ignored) {
            log.warn("consumer {} could not save its checkpoint while stopping", name, ignored);
        }
    }

    /** Exponential, capped, with full jitter: many consumers of one restarted server do not come back at once. */
    private Duration backOff(int drops) {
        long initial = settings.initialBackOff.toMillis();
        long ceiling = Math.max(initial, Math.min(settings.maxBackOff.toMillis(), initial << Math.min(drops, 20)));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(initial, ceiling + 1));
    }

    private static final class HandlerControl implements Control {
        boolean stop;
        Throwable fatal;

        @Override
        public void stop() {
            stop = true;
        }

        @Override
        public void fail(Throwable cause) {
            fatal = Objects.requireNonNull(cause);
        }
    }

    private record Settings(EventHandler handler, String selector, Start start, int checkpointEvents, Duration checkpointInterval,
                            int retries, Duration retryDelay, PoisonPolicy poison, Duration initialBackOff, Duration maxBackOff,
                            long fellBehindAt, Listener listener, Meters meters) {
    }

    /** A consumer's settings; {@link #start()} begins following. */
    public static final class Builder {

        private final EskitClient client;
        private final String name;
        private EventHandler handler;
        private String selector = "";
        private Start start = Start.BEGINNING;
        private int checkpointEvents = 100;
        private Duration checkpointInterval = Duration.ofSeconds(1);
        private int retries = 3;
        private Duration retryDelay = Duration.ofMillis(100);
        private PoisonPolicy poison = PoisonPolicy.STOP;
        private Duration initialBackOff = Duration.ofMillis(100);
        private Duration maxBackOff = Duration.ofSeconds(5);
        private long fellBehindAt = 1_000;
        private Listener listener = new Listener() {
        };
        private Meters meters = Meters.NONE;

        Builder(EskitClient client, String name) {
            this.client = client;
            this.name = Objects.requireNonNull(name);
        }

        public Builder handler(EventHandler handler) {
            this.handler = handler;
            return this;
        }

        /** A comma list of {@code *}, {@code P.*}, {@code *.A} and {@code P.A}; everything unless set. */
        public Builder selector(String selector) {
            this.selector = Objects.requireNonNull(selector);
            return this;
        }

        /** Where to begin without a saved checkpoint: the beginning of the log (the default) or its end. */
        public Builder startFrom(Start start) {
            this.start = Objects.requireNonNull(start);
            return this;
        }

        /** Save the checkpoint after this many events or this long, whichever comes first (100, 1 s). */
        public Builder checkpointEvery(int events, Duration interval) {
            this.checkpointEvents = events;
            this.checkpointInterval = interval;
            return this;
        }

        /** Call a failing handler again this many times, waiting {@code delay}, doubling (3, 100 ms). */
        public Builder retries(int retries, Duration delay) {
            this.retries = retries;
            this.retryDelay = delay;
            return this;
        }

        /** What to do with an event the handler still fails on after the retries: stop (the default) or skip it. */
        public Builder onPoison(PoisonPolicy policy) {
            this.poison = Objects.requireNonNull(policy);
            return this;
        }

        /** The back-off between resubscriptions: from {@code initial}, doubling, at most {@code max} (100 ms, 5 s). */
        public Builder backOff(Duration initial, Duration max) {
            this.initialBackOff = initial;
            this.maxBackOff = max;
            return this;
        }

        /** A caught-up consumer falls behind when the server reports it this many events behind (1,000). */
        public Builder fellBehindAt(long events) {
            this.fellBehindAt = events;
            return this;
        }

        public Builder listener(Listener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /** Publish {@code eskit.client.consumer.events} and {@code eskit.client.consumer.lag} to this registry. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meters = new ConsumerMeters(registry, name);
            return this;
        }

        public CatchUpConsumer start() {
            Objects.requireNonNull(handler, "a handler is required");
            CatchUpConsumer consumer = new CatchUpConsumer(client, name, new Settings(handler, selector, start, checkpointEvents,
                    checkpointInterval, retries, retryDelay, poison, initialBackOff, maxBackOff, fellBehindAt, listener, meters));
            consumer.state = State.RUNNING;
            consumer.thread.start();
            return consumer;
        }
    }
}
