package dev.eskit.processing.projections;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.stereotype.Component;

/**
 * The token of the newest event each projection has committed, announced the moment its batch
 * commits. A processor's own status moves only after that, so a write waiting for its projection
 * wakes here instead of polling the status.
 */
@Component
public class CommittedTokens {

    private final Map<String, TrackingToken> latest = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private long commits;

    public Optional<TrackingToken> latest(String processor) {
        return Optional.ofNullable(latest.get(processor));
    }

    /** How many batches have committed so far; hand it to {@link #awaitNext} to miss none in between. */
    public long commits() {
        synchronized (signal) {
            return commits;
        }
    }

    /** Waits until a batch commits after {@code seen} was read, at most {@code millis}. */
    public void awaitNext(long seen, long millis) throws InterruptedException {
        synchronized (signal) {
            if (commits == seen) {
                signal.wait(millis);
            }
        }
    }

    MessageHandlerInterceptor<EventMessage<?>> recorder(String processor) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked) {
                TrackingToken token = tracked.trackingToken();
                unitOfWork.afterCommit(committed -> committed(processor, token));
            }
            return result;
        };
    }

    private void committed(String processor, TrackingToken token) {
        // a token of a replay wraps the one it replays towards; Axon Server's global tokens refuse to compare with it
        latest.merge(processor, token, (previous, next) ->
                WrappedToken.unwrapUpperBound(next).covers(WrappedToken.unwrapUpperBound(previous)) ? next : previous);
        synchronized (signal) {
            commits++;
            signal.notifyAll();
        }
    }
}
