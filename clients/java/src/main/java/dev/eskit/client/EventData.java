package dev.eskit.client;

import java.util.Objects;

/**
 * An event to append: its type ({@code <Partition>.<Action>}), its data as JSON text, optional
 * metadata (a JSON object as text) and an optional id. Give every event an id to make a retry of
 * the same append idempotent.
 */
public record EventData(String id, String type, String data, String metadata) {

    public EventData {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    public static EventData of(String type, String data) {
        return new EventData(null, type, data, null);
    }

    public EventData withId(String id) {
        return new EventData(id, type, data, metadata);
    }

    public EventData withMetadata(String metadata) {
        return new EventData(id, type, data, metadata);
    }
}
