package dev.eskit.queries.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CatalogChangesTest {

    private static final Instant T1 = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(1);
    private static final Instant T3 = T1.plusSeconds(2);

    @Test
    void keepsEachStreamsNewestVersionAndTheTimeOfItsFirstEventInTheBatch() {
        CatalogChanges changes = new CatalogChanges();
        changes.stored("order-1", "Order", "Order.Placed", 1, T1);
        changes.stored("order-2", "Order", "Order.Placed", 4, T2);
        changes.stored("order-1", "Order", "Order.Paid", 2, T3);

        assertThat(changes.streams().get("order-1")).isEqualTo(new CatalogChanges.StreamChange("Order", 2, T1, T3));
        assertThat(changes.streams().get("order-2")).isEqualTo(new CatalogChanges.StreamChange("Order", 4, T2, T2));
    }

    @Test
    void countsEventsPerPartitionAndTypeAndANewStreamAtItsFirstVersion() {
        CatalogChanges changes = new CatalogChanges();
        changes.stored("order-1", "Order", "Order.Placed", 1, T1);
        changes.stored("order-1", "Order", "Order.Paid", 2, T2);
        changes.stored("order-2", "Order", "Order.Paid", 7, T2);
        changes.stored("invoice-1", "Invoice", "Invoice.Sent", 1, T3);

        assertThat(changes.partitions().get("Order")).containsExactly(3L, 1L, "Order");
        assertThat(changes.partitions().get("Invoice")).containsExactly(1L, 1L, "Invoice");
        assertThat(changes.eventTypes().get("Order.Paid")).containsExactly(2L, "Order.Paid");
        assertThat(changes.eventTypes().get("Order.Placed")).containsExactly(1L, "Order.Placed");
    }
}
