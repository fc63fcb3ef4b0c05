package dev.eskit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StreamVersionConflictsTest {

    private final StreamVersionConflicts conflicts = new StreamVersionConflicts();

    @Test
    void recognisesTheStreamVersionKeyInsidePostgresqlsBatchFailure() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO domain_event_entry ... was aborted", "23505", new int[0]);
        batch.setNextException(new SQLException("ERROR: duplicate key value violates unique constraint \"uq_domain_event_stream_sequence\"", "23505"));
        assertThat(conflicts.isDuplicateKeyViolation(new RuntimeException("store failed", batch))).isTrue();
    }

    @Test
    void ignoresOtherUniqueKeysAndOtherFailures() {
        assertThat(conflicts.isDuplicateKeyViolation(new SQLException(
                "duplicate key value violates unique constraint \"catalog_stream_pkey\"", "23505"))).isFalse();
        assertThat(conflicts.isDuplicateKeyViolation(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(conflicts.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
