package dev.eskit.processing.tracking;

import dev.eskit.processing.api.EventProcessors;
import dev.eskit.processing.api.LogHead;
import dev.eskit.processing.api.ProcessorStatus;
import dev.eskit.processing.api.Projections;
import dev.eskit.processing.api.ReplayRefusedException;
import dev.eskit.processing.api.ReplayRun;
import dev.eskit.processing.api.UnknownProcessorException;
import dev.eskit.processing.projections.CommittedTokens;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Service;

/**
 * The processors as Axon runs them, with their positions from the token store. Only projections
 * replay: the Kafka publisher would send everything again and the metrics would count it twice.
 */
@Service
class AxonEventProcessors implements EventProcessors {

    private static final long WAIT_STEP_MILLIS = 20;

    private final EventProcessingConfiguration processing;
    private final ProcessorTokens tokens;
    private final ReplayRuns runs;
    private final CommittedTokens committed;
    private final EventStore eventStore;
    private final ReplaySegments segments;

    AxonEventProcessors(EventProcessingConfiguration processing, ProcessorTokens tokens, ReplayRuns runs,
                        CommittedTokens committed, EventStore eventStore, ReplaySegments segments) {
        this.processing = processing;
        this.tokens = tokens;
        this.runs = runs;
        this.committed = committed;
        this.eventStore = eventStore;
        this.segments = segments;
    }

    @Override
    public List<String> names() {
        return followers().map(EventProcessor::getName).toList();
    }

    @Override
    public List<ProcessorStatus> all() {
        long head = LogHead.of(eventStore);
        return followers().map(processor -> status(processor, head)).toList();
    }

    @Override
    public Optional<ProcessorStatus> find(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).map(processor -> status(processor, LogHead.of(eventStore)));
    }

    /**
     * The processors that follow the log on their own threads, by name. A subscribing processor runs
     * inside the writes' units of work instead: it has no position, no lag and nothing to wait for.
     */
    private Stream<EventProcessor> followers() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .sorted(Comparator.comparing(EventProcessor::getName));
    }

    @Override
    public synchronized ProcessorStatus replay(String name) {
        EventProcessor found = processing.eventProcessor(name).orElseThrow(() -> new UnknownProcessorException(name));
        if (!Projections.ALL.contains(name) || !(found instanceof StreamingEventProcessor processor)) {
            throw new ReplayRefusedException(name + " is not a projection; only projections can be replayed");
        }
        if (replaying(name)) {
            throw new ReplayRefusedException(name + " is replaying already; wait for its replay to finish");
        }
        long events = LogHead.of(eventStore);
        processor.shutDown();
        try {
            segments.spreadOverThreads(processor);
            // from the tail: the processors' own initial token is a replay token, which a reset would nest
            processor.resetTokens(source -> source.createTailToken());
        } catch (IllegalStateException | UnableToClaimTokenException claimedElsewhere) {
            throw new ReplayRefusedException(name + " cannot be reset while another instance holds its segments: "
                    + claimedElsewhere.getMessage());
        } finally {
            processor.start();
        }
        runs.started(name, events, () -> !replaying(name));
        return status(processor, LogHead.of(eventStore));
    }

    @Override
    public boolean replaying(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .map(processor -> anyReplaying(processor.processingStatus().values(), () -> tokens.of(processor.getName())))
                .orElse(false);
    }

    @Override
    public boolean awaitProcessed(String name, long position, Duration timeout) throws InterruptedException {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownProcessorException(name));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = committed.commits();
            Map<Integer, EventTrackerStatus> live = processor.processingStatus();
            boolean allHere = coverTheLog(live.values());
            // the newest commit says where the one segment is before its status does
            if (allHere && live.size() == 1 && committed.latest(name).filter(token -> passed(token, position)).isPresent()) {
                return true;
            }
            // where another instance holds a segment, its progress shows in the token store only
            Map<Integer, TrackingToken> stored = allHere ? Map.of() : tokens.bySegment(name);
            if (anyReplaying(live.values(), stored::values)) {
                return false;
            }
            if (allHere ? everySegmentPassed(live, live.keySet(), Map.of(), position)
                    : !stored.isEmpty() && everySegmentPassed(live, stored.keySet(), stored, position)) {
                return true;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            // woken by the next commit here; the bound covers segments that another instance holds
            committed.awaitNext(seen, Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(remaining), WAIT_STEP_MILLIS)));
        }
    }

    /** Whether these segments together cover the whole log (a segment of mask m is 1/(m+1) of it), so none is elsewhere. */
    private static boolean coverTheLog(Collection<EventTrackerStatus> segments) {
        double covered = segments.stream().mapToDouble(status -> 1.0 / (status.getSegment().getMask() + 1)).sum();
        return covered > 1 - 1e-9;
    }

    /**
     * The event at {@code position} belongs to one segment, which one depends on its stream, so every
     * segment must have passed it: by its live token where this instance holds it, by its stored one
     * where another instance does.
     */
    private static boolean everySegmentPassed(Map<Integer, EventTrackerStatus> live, Set<Integer> segments,
                                              Map<Integer, TrackingToken> stored, long position) {
        return segments.stream().allMatch(segment -> passed(
                live.containsKey(segment) ? live.get(segment).getTrackingToken() : stored.get(segment), position));
    }

    /**
     * Whether a segment still replays: by the live status while this instance holds every segment;
     * otherwise by the stored tokens, as between a reset and the moment it has claimed its segments
     * again, or while another instance holds some of them.
     */
    private static boolean anyReplaying(Collection<EventTrackerStatus> live, Supplier<Collection<TrackingToken>> stored) {
        if (!coverTheLog(live)) {
            return stored.get().stream().anyMatch(ProcessorTokens::replaying);
        }
        return live.stream().anyMatch(status -> status.isReplaying()
                && status.getCurrentPosition().orElse(0) < status.getResetPosition().orElse(0));
    }

    private ProcessorStatus status(EventProcessor processor, long head) {
        String name = processor.getName();
        List<TrackingToken> stored = tokens.of(name);
        long position = stored.stream().mapToLong(ProcessorTokens::position).min().orElse(0);
        // as the lists decide it: a segment's stored token can trail its live one
        boolean replaying = processor instanceof StreamingEventProcessor streaming
                && anyReplaying(streaming.processingStatus().values(), () -> stored);
        Optional<ReplayRun> lastReplay = runs.last(name);
        Double progress = null;
        if (replaying) {
            progress = stored.stream().mapToDouble(ProcessorTokens::replayProgress).min().orElse(0);
        } else if (lastReplay.isPresent()) {
            progress = 1.0;
        }
        return new ProcessorStatus(name, kind(name), state(processor, replaying), position, head,
                Math.max(0, head - position), stored.size(), replaying, progress, deadLetters(name),
                lastReplay.orElse(null));
    }

    private Long deadLetters(String name) {
        return processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(null);
    }

    private static String kind(String name) {
        return Projections.ALL.contains(name) ? "projection" : "processor";
    }

    private static String state(EventProcessor processor, boolean replaying) {
        if (processor.isError()) {
            return ProcessorStatus.ERROR;
        }
        if (!processor.isRunning()) {
            return ProcessorStatus.STOPPED;
        }
        if (processor instanceof StreamingEventProcessor streaming
                && streaming.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return ProcessorStatus.ERROR;
        }
        return replaying ? ProcessorStatus.REPLAYING : ProcessorStatus.RUNNING;
    }

    /** Whether a segment's token has moved past the event at {@code position}, which a gap-aware token may not have yet. */
    private static boolean passed(TrackingToken token, long position) {
        TrackingToken current = token == null ? null : WrappedToken.unwrapUpperBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current != null && current.position().orElse(-1) >= position;
    }
}
