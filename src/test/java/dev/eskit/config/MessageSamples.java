package dev.eskit.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instances of a message record with every component filled: one per variant of its richest
 * component (each subtype of a sealed interface, each enum constant), so that every shape a message
 * can take is tried. A component of a type it cannot fill, such as an interface that is not sealed,
 * fails: such a field crosses no serializer without type information.
 */
final class MessageSamples {

    private static final JsonNode DOCUMENT = JsonMapper.shared().readTree("{\"name\":\"Ada\",\"tags\":[1,\"two\",null],\"nested\":{\"ok\":true}}");

    private MessageSamples() {
    }

    static List<Object> of(Type type) {
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return List.of("text-é✓");
        }
        if (raw == long.class || raw == Long.class) {
            return List.of(7L);
        }
        if (raw == int.class || raw == Integer.class) {
            return List.of(3);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return List.of(true, false);
        }
        if (raw == UUID.class) {
            return List.of(UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"));
        }
        if (raw == Instant.class) {
            return List.of(Instant.parse("2026-12-01T10:15:30.123Z"));
        }
        if (JsonNode.class.isAssignableFrom(raw)) {
            return List.of(DOCUMENT);
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            return of(element).stream().map(sample -> (Object) List.of(sample)).toList();
        }
        if (raw.isEnum()) {
            return Arrays.asList(raw.getEnumConstants());
        }
        if (raw.isSealed()) {
            return Arrays.stream(raw.getPermittedSubclasses()).flatMap(subtype -> of(subtype).stream()).toList();
        }
        if (raw.isRecord()) {
            return records(raw);
        }
        throw new IllegalArgumentException(raw.getName() + " has no sample: a field of this type cannot cross a serializer "
                + "without type information; use a record, a sealed interface with @JsonTypeInfo, or a plain value");
    }

    private static List<Object> records(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        List<List<Object>> choices = new ArrayList<>();
        int variants = 1;
        for (RecordComponent component : components) {
            List<Object> samples = of(component.getGenericType());
            choices.add(samples);
            variants = Math.max(variants, samples.size());
        }
        List<Object> instances = new ArrayList<>();
        for (int variant = 0; variant < variants; variant++) {
            Object[] arguments = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                arguments[i] = choices.get(i).get(variant % choices.get(i).size());
            }
            instances.add(construct(record, components, arguments));
        }
        return instances;
    }

    private static Object construct(Class<?> record, RecordComponent[] components, Object[] arguments) {
        try {
            Constructor<?> canonical = record.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not build a " + record.getName(), e);
        }
    }
}
