package dev.eskit.queries.consumer;

import dev.eskit.queries.api.Consumer;
import dev.eskit.queries.api.ConsumerCheckpoints;
import dev.eskit.queries.api.EventLog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class JpaConsumerCheckpoints implements ConsumerCheckpoints {

    private final ConsumerCheckpointRepository checkpoints;
    private final EventLog log;
    private final Clock clock;
    private final TransactionTemplate transactions;

    JpaConsumerCheckpoints(ConsumerCheckpointRepository checkpoints, EventLog log, Clock clock,
                           PlatformTransactionManager transactionManager) {
        this.checkpoints = checkpoints;
        this.log = log;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Creates or moves the checkpoint. Two first saves of one name at once (two processes of a
     * consumer, a retry while the first call still runs) both try to insert: the one that loses
     * the race moves the row the other created, in a transaction of its own.
     */
    @Override
    public Consumer save(String name, String cursor) {
        long position = log.positionOf(cursor);
        try {
            return transactions.execute(status -> moveTo(name, cursor, position));
        } catch (DataIntegrityViolationException createdMeanwhile) {
            return transactions.execute(status -> moveTo(name, cursor, position));
        }
    }

    private Consumer moveTo(String name, String cursor, long position) {
        ConsumerCheckpoint checkpoint = checkpoints.findById(name).orElseGet(() -> new ConsumerCheckpoint(name));
        checkpoint.moveTo(cursor, position, clock.instant());
        return view(checkpoints.saveAndFlush(checkpoint), log.head());
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
