package dev.eskit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class EventTimestampsTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            // from 1970 to 2200, on any millisecond
            Instant instant = Instant.ofEpochMilli(random.nextLong(7_258_118_400_000L));
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(EventTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored)).isEqualTo(instant);
        }
    }

    @Test
    void readsTheEdgesOfADayAndALeapDay() {
        for (String stored : new String[] {"2024-02-29T23:59:59.999Z", "2026-01-01T00:00:00.000Z", "1970-01-01T00:00:00.000Z"}) {
            assertThat(EventTimestamps.parse(stored)).isEqualTo(Instant.parse(stored));
        }
    }

    @Test
    void readsOtherShapesWithAxonsParser() {
        assertThat(EventTimestamps.parse("2026-11-23T04:45:15.301+01:00")).isEqualTo(Instant.parse("2026-11-23T03:45:15.301Z"));
        assertThat(EventTimestamps.parse("2026-11-23T03:45:15.301123Z")).isEqualTo(Instant.parse("2026-11-23T03:45:15.301123Z"));
        assertThat(EventTimestamps.parse("+12026-11-23T03:45:15.301Z")).isEqualTo(Instant.parse("+12026-11-23T03:45:15.301Z"));
    }

    @Test
    void refusesWhatIsNoTimestamp() {
        for (String stored : new String[] {"2026-13-23T03:45:15.301Z", "2026-11-23T24:45:15.301Z", "2026-11-2xT03:45:15.301Z",
                "2026-11-23 03:45:15.301Z", ""}) {
            assertThatThrownBy(() -> EventTimestamps.parse(stored)).as(stored).isInstanceOf(DateTimeException.class);
        }
    }
}
