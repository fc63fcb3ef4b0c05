package dev.eskit.processing.tracking;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.stereotype.Component;

/**
 * Before a replay, gives a stopped processor whose tokens were made with one segment as many
 * segments as it has threads, each at that segment's position, so that the replay runs on all of
 * them. Axon fixes the segment count when it first makes a processor's tokens, so a store from
 * before the projections had two threads would otherwise replay on one.
 */
@Component
class ReplaySegments {

    private final TokenStore tokens;
    private final TransactionManager transactions;

    ReplaySegments(TokenStore tokens, TransactionManager transactions) {
        this.tokens = tokens;
        this.transactions = transactions;
    }

    /** Spreads the processor's one segment over its threads; throws if another instance holds it. */
    void spreadOverThreads(StreamingEventProcessor processor) {
        String name = processor.getName();
        int threads = processor.maxCapacity();
        transactions.executeInTransaction(() -> {
            int[] segments = tokens.fetchSegments(name);
            if (segments.length != 1 || threads < 2) {
                return;
            }
            // claims the segment for this instance, which deleting it requires
            TrackingToken position = tokens.fetchToken(name, segments[0]);
            tokens.deleteToken(name, segments[0]);
            tokens.initializeTokenSegments(name, threads, position);
        });
    }
}
