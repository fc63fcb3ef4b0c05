package dev.eskit.web.log;

import dev.eskit.queries.api.LogEntry;
import dev.eskit.queries.api.LogFollower;
import dev.eskit.web.problem.Problems;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pumps a log follower into an SSE response on a thread of its own, with a heartbeat comment
 * whenever nothing arrives for a while. The number of followers is bounded; past it, 503. The API
 * sends each event as JSON; the console sends its own rendering of the entries it shows.
 */
@Component
public class LogRelay {

    private static final Logger log = LoggerFactory.getLogger(LogRelay.class);

    private final Duration heartbeat;
    private final ThreadPoolExecutor followers;

    LogRelay(@Value("${eskit.log.sse.heartbeat:10s}") Duration heartbeat,
             @Value("${eskit.log.sse.max-connections:200}") int maxConnections) {
        this.heartbeat = heartbeat;
        AtomicInteger count = new AtomicInteger();
        this.followers = new ThreadPoolExecutor(0, maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "log-follower-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    SseEmitter start(LogFollower follower) {
        return start(follower, entry -> Optional.of(
                SseEmitter.event().id(entry.cursor()).data(entry.event(), MediaType.APPLICATION_JSON)));
    }

    /** Relays the entries that {@code message} turns into a message; those it returns empty for are left out. */
    public SseEmitter start(LogFollower follower, Function<LogEntry, Optional<SseEmitter.SseEventBuilder>> message) {
        SseEmitter emitter = new SseEmitter(0L);
        var context = MDC.getCopyOfContextMap();
        try {
            followers.execute(() -> {
                if (context != null) {
                    MDC.setContextMap(context);
                }
                pump(follower, emitter, message);
            });
        } catch (RejectedExecutionException full) {
            follower.close();
            var problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "too-many-followers",
                    "the server follows as many log streams as it is configured for; retry later");
            problem.getHeaders().set("Retry-After", "5");
            throw problem;
        }
        return emitter;
    }

    private void pump(LogFollower follower, SseEmitter emitter,
                      Function<LogEntry, Optional<SseEmitter.SseEventBuilder>> message) {
        try (follower) {
            emitter.send(SseEmitter.event().comment("following"));
            while (!Thread.currentThread().isInterrupted()) {
                Optional<LogEntry> next = follower.next(heartbeat);
                if (next.isPresent()) {
                    Optional<SseEmitter.SseEventBuilder> sent = message.apply(next.get());
                    if (sent.isPresent()) {
                        emitter.send(sent.get());
                    }
                } else {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                }
            }
        } catch (IOException | IllegalStateException gone) {
            // the client went away: its response is finished, and completing it again throws
            log.debug("a log follower went away: {}", gone.getMessage());
            return;
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failure) {
            log.warn("a log follower failed", failure);
            emitter.completeWithError(failure);
            return;
        } finally {
            MDC.clear();
        }
        emitter.complete();
    }

    @PreDestroy
    void stop() {
        followers.shutdownNow();
    }
}
