package dev.eskit.queries.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CatalogChangesTest {

    private static final Instant T1 = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(1);
    private static final Instant T3 = T1.plusSeconds(2);

    @Test
    void keepsEachStreamsNewestVersionAndTheTimeOfItsFirstEventInTheBatch() {
        CatalogChanges changes = new CatalogChanges();
        changes.stored("order-1", "Order", "Order.Placed", 1, T1, false);
        changes.stored("order-2", "Order", "Order.Placed", 4, T2, false);
        changes.stored("order-1", "Order", "Order.Paid", 2, T3, false);

        assertThat(changes.streams().get("order-1")).isEqualTo(new CatalogChanges.StreamChange("Order", 2, T1, T3, false, false, true));
        assertThat(changes.streams().get("order-2")).isEqualTo(new CatalogChanges.StreamChange("Order", 4, T2, T2, false, false, false));
    }

    @Test
    void onlyAStreamThatBeginsInTheBatchOrWhoseRowIsDeletedFirstIsInsertedWithoutAnUpdate() {
        CatalogChanges changes = new CatalogChanges();
        changes.stored("order-1", "Order", "Order.Placed", 1, T1, false);
        changes.stored("order-1", "Order", "Order.Paid", 2, T2, false);
        changes.stored("order-2", "Order", "Order.Paid", 4, T2, false);
        changes.stored("order-3", "Order", "Order.StreamDeleted", 6, T2, true);
        changes.stored("order-3", "Order", "Order.Placed", 7, T3, false);

        assertThat(changes.streams().get("order-1").rowless()).isTrue();
        assertThat(changes.streams().get("order-2").rowless()).isFalse();
        assertThat(changes.streams().get("order-3").rowless()).isTrue();
    }

    @Test
    void countsEventsPerPartitionAndType() {
        CatalogChanges changes = new CatalogChanges();
        changes.stored("order-1", "Order", "Order.Placed", 1, T1, false);
        changes.stored("order-1", "Order", "Order.Paid", 2, T2, false);
        changes.stored("order-2", "Order", "Order.Paid", 7, T2, false);
        changes.stored("invoice-1", "Invoice", "Invoice.Sent", 1, T3, false);

        assertThat(changes.partitionEvents()).containsExactly(entry("Order", 3L), entry("Invoice", 1L));
        assertThat(changes.typeEvents()).containsExactly(entry("Order.Placed", 1L), entry("Order.Paid", 2L), entry("Invoice.Sent", 1L));
    }

    @Test
    void aDeletedStreamLeavesTheListingAndComesBackNewWhenAppendedToAgain() {
        CatalogChanges changes = new CatalogChanges();
        changes.stored("order-1", "Order", "Order.Placed", 1, T1, false);
        changes.stored("order-1", "Order", "Order.StreamDeleted", 2, T2, true);
        assertThat(changes.streams().get("order-1")).isEqualTo(new CatalogChanges.StreamChange("Order", 2, T2, T2, true, true, false));

        changes.stored("order-1", "Order", "Order.Placed", 3, T3, false);
        assertThat(changes.streams().get("order-1")).isEqualTo(new CatalogChanges.StreamChange("Order", 3, T3, T3, true, false, false));
        assertThat(changes.partitionEvents()).containsExactly(entry("Order", 3L));
    }

    @Test
    void anEventOfNoListedStreamCountsForItsPartitionAndTypeOnly() {
        CatalogChanges changes = new CatalogChanges();
        changes.counted("StreamMetadata", "StreamMetadata.Set");

        assertThat(changes.streams()).isEmpty();
        assertThat(changes.partitionEvents()).containsExactly(entry("StreamMetadata", 1L));
        assertThat(changes.typeEvents()).containsExactly(entry("StreamMetadata.Set", 1L));
    }
}
