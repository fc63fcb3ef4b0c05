package dev.eskit.processing.deadletters;

import dev.eskit.commands.api.EventTypes;
import dev.eskit.commands.api.StreamVersions;
import dev.eskit.processing.api.DeadLetter;
import dev.eskit.processing.api.DeadLetters;
import dev.eskit.processing.api.Projections;
import dev.eskit.processing.api.RetryOutcome;
import dev.eskit.processing.api.UnknownDeadLetterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Service;

/** The projections' dead-letter queues, through Axon's queue and its dead-letter processor. */
@Service
class AxonDeadLetters implements DeadLetters {

    private final EventProcessingConfiguration processing;

    AxonDeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public List<DeadLetter> all() {
        List<DeadLetter> letters = new ArrayList<>();
        for (String processor : Projections.ALL) {
            queue(processor).ifPresent(queue -> queue.deadLetters().forEach(sequence ->
                    sequence.forEach(letter -> letters.add(view(processor, cast(letter))))));
        }
        return letters;
    }

    @Override
    public RetryOutcome retry(String id) {
        Parked parked = find(id);
        SequencedDeadLetterProcessor<EventMessage<?>> retrier = processing.sequencedDeadLetterProcessor(parked.processor())
                .orElseThrow(() -> new UnknownDeadLetterException(id));
        String sequence = parked.letter().getSequenceIdentifier();
        // Axon retries a sequence from its first letter, whichever letter of it was named
        retrier.process(first -> ((JdbcDeadLetter<?>) first).getSequenceIdentifier().equals(sequence));
        long remaining = parked.queue().sequenceSize(sequence);
        return new RetryOutcome(id, parked.processor(), sequence, remaining == 0, remaining);
    }

    @Override
    public void delete(String id) {
        Parked parked = find(id);
        parked.queue().evict(parked.letter());
    }

    private Parked find(String id) {
        for (String processor : Projections.ALL) {
            Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = queue(processor);
            if (queue.isEmpty()) {
                continue;
            }
            Optional<JdbcDeadLetter<EventMessage<?>>> letter = StreamSupport.stream(queue.get().deadLetters().spliterator(), false)
                    .flatMap(sequence -> StreamSupport.stream(sequence.spliterator(), false))
                    .map(AxonDeadLetters::cast)
                    .filter(found -> found.getIdentifier().equals(id))
                    .findFirst();
            if (letter.isPresent()) {
                return new Parked(processor, queue.get(), letter.get());
            }
        }
        throw new UnknownDeadLetterException(id);
    }

    @SuppressWarnings("unchecked")
    private static JdbcDeadLetter<EventMessage<?>> cast(Object letter) {
        return (JdbcDeadLetter<EventMessage<?>>) letter;
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String processor) {
        return processing.deadLetterQueue(processor);
    }

    private DeadLetter view(String processor, JdbcDeadLetter<?> letter) {
        EventMessage<?> event = letter.message();
        String streamId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long version = event instanceof DomainEventMessage<?> domain ? StreamVersions.ofSequence(domain.getSequenceNumber()) : null;
        Optional<Cause> cause = letter.cause();
        return new DeadLetter(letter.getIdentifier(), processor, letter.getSequenceIdentifier(), letter.getSequenceIndex(),
                event.getIdentifier(), EventTypes.of(event), streamId, version,
                cause.map(Cause::type).orElse(null), cause.map(Cause::message).orElse(null),
                letter.enqueuedAt(), letter.lastTouched());
    }

    private record Parked(String processor, SequencedDeadLetterQueue<EventMessage<?>> queue,
                          JdbcDeadLetter<EventMessage<?>> letter) {
    }
}
