package dev.eskit.queries.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectorTest {

    @Test
    void matchesEveryForm() {
        Selector selector = Selector.parse("User.*,*.Deleted,Invoice.Paid");
        assertThat(selector.matches("User.Registered")).isTrue();
        assertThat(selector.matches("Gathering.Deleted")).isTrue();
        assertThat(selector.matches("Invoice.Paid")).isTrue();
        assertThat(selector.matches("Invoice.Created")).isFalse();
        assertThat(selector.matches("UserX.Registered")).isFalse();
    }

    @Test
    void takesThePartitionUpToTheLastDot() {
        assertThat(Selector.parse("Billing.Invoice.*").matches("Billing.Invoice.Paid")).isTrue();
        assertThat(Selector.parse("Billing.*").matches("Billing.Invoice.Paid")).isFalse();
    }

    @Test
    void selectsEverythingWhenAbsentOrStar() {
        assertThat(Selector.parse(null).matches("A.B")).isTrue();
        assertThat(Selector.parse(" ").matches("A.B")).isTrue();
        assertThat(Selector.parse("*").matches("A.B")).isTrue();
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : List.of("User", "User.", ".Deleted", "a..b", "User.*,", "Us er.*", "**", "*.*.*")) {
            assertThatThrownBy(() -> Selector.parse(bad)).as(bad).isInstanceOf(InvalidSelectorException.class);
        }
    }
}
