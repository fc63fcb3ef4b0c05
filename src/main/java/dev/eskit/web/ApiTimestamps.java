package dev.eskit.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every timestamp the API writes has exactly three decimals ({@code 2026-11-22T10:15:30.120Z}), as
 * the contract shows them. ISO-8601's default form drops trailing zeros, so one event in a thousand,
 * stored on a whole second, would otherwise come out in another shape.
 */
@Configuration(proxyBeanMethods = false)
class ApiTimestamps {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Bean
    JsonMapperBuilderCustomizer millisecondTimestamps() {
        return builder -> builder.addModule(new SimpleModule("eskit-timestamps").addSerializer(Instant.class, new Millis()));
    }

    private static final class Millis extends ValueSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(MILLIS.format(value));
        }
    }
}
