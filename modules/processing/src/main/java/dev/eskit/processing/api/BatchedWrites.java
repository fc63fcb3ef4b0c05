package dev.eskit.processing.api;

import dev.eskit.processing.projections.HandlerSavepoints;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Lets a projection write its rows once per batch instead of once per event: each handler changes
 * the batch's pending rows, and they go to the database in one JDBC batch just before the batch's
 * transaction commits. While {@link HandlerSavepoints} has the projection careful (after a failure),
 * there is no batch to gather in: each event writes at once, so that a failing one is parked alone.
 * A failure of the batched write itself makes the projection careful, and Axon retries the batch.
 */
@Component
public class BatchedWrites {

    private final HandlerSavepoints savepoints;

    BatchedWrites(HandlerSavepoints savepoints) {
        this.savepoints = savepoints;
    }

    /**
     * Applies {@code change} to the pending rows of {@code projection}'s current batch, made by
     * {@code create} on its first change and handed to {@code write} before the batch commits; while
     * the projection is careful, to rows of this event alone, written at once.
     */
    public <T> void change(String projection, Supplier<T> create, Consumer<T> change, Consumer<T> write) {
        if (savepoints.careful(projection) || !CurrentUnitOfWork.isStarted()) {
            T rows = create.get();
            change.accept(rows);
            write.accept(rows);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        change.accept(batch.getOrComputeResource(BatchedWrites.class.getName() + "." + projection, key -> {
            T rows = create.get();
            batch.onPrepareCommit(committing -> writeOrBeCareful(projection, rows, write));
            return rows;
        }));
    }

    private <T> void writeOrBeCareful(String projection, T rows, Consumer<T> write) {
        try {
            write.accept(rows);
        } catch (RuntimeException failure) {
            savepoints.beCareful(projection);
            throw failure;
        }
    }
}
