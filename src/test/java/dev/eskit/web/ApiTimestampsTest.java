package dev.eskit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApiTimestampsTest {

    private final JsonMapper json = configured();

    private static JsonMapper configured() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new ApiTimestamps().millisecondTimestamps().customize(builder);
        return builder.build();
    }

    @Test
    void writesAWholeSecondWithThreeDecimals() {
        assertThat(json.writeValueAsString(Map.of("at", Instant.parse("2026-11-23T01:25:54Z"))))
                .isEqualTo("{\"at\":\"2026-11-23T01:25:54.000Z\"}");
    }

    @Test
    void writesMillisecondsAsTheyAre() {
        assertThat(json.writeValueAsString(Map.of("at", Instant.parse("2026-11-22T10:15:30.123Z"))))
                .isEqualTo("{\"at\":\"2026-11-22T10:15:30.123Z\"}");
    }
}
