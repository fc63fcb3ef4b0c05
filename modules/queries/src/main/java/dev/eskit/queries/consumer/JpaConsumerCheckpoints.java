package dev.eskit.queries.consumer;

import dev.eskit.queries.api.Consumer;
import dev.eskit.queries.api.ConsumerCheckpoints;
import dev.eskit.queries.api.EventLog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JpaConsumerCheckpoints implements ConsumerCheckpoints {

    private final ConsumerCheckpointRepository checkpoints;
    private final EventLog log;
    private final Clock clock;

    JpaConsumerCheckpoints(ConsumerCheckpointRepository checkpoints, EventLog log, Clock clock) {
        this.checkpoints = checkpoints;
        this.log = log;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Consumer save(String name, String cursor) {
        long position = log.positionOf(cursor);
        ConsumerCheckpoint checkpoint = checkpoints.findById(name).orElseGet(() -> new ConsumerCheckpoint(name));
        checkpoint.moveTo(cursor, position, clock.instant());
        return view(checkpoints.save(checkpoint), log.head());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Consumer> find(String name) {
        return checkpoints.findById(name).map(checkpoint -> view(checkpoint, log.head()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Consumer> all() {
        long head = log.head();
        return checkpoints.findAll(Sort.by("name")).stream().map(checkpoint -> view(checkpoint, head)).toList();
    }

    @Override
    @Transactional
    public boolean delete(String name) {
        if (!checkpoints.existsById(name)) {
            return false;
        }
        checkpoints.deleteById(name);
        return true;
    }

    private static Consumer view(ConsumerCheckpoint checkpoint, long head) {
        long lag = Math.max(0, head - checkpoint.position());
        return new Consumer(checkpoint.name(), checkpoint.cursor(), checkpoint.position(), lag, checkpoint.updatedAt());
    }
}
