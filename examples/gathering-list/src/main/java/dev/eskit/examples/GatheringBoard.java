package dev.eskit.examples;

import io.cloudevents.CloudEvent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The list a party service would keep: every gathering by id with its name, start, places taken
 * and status, built only from the CloudEvents on the gathering topic.
 */
final class GatheringBoard {

    /** One line of the list. */
    record Entry(String id, String name, String startsAt, int capacity, int attendees, String status) {
        Entry with(String newName, String newStart, int newCapacity, int newAttendees, String newStatus) {
            return new Entry(id, newName, newStart, newCapacity, newAttendees, newStatus);
        }
    }

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Map<String, Entry> gatherings = new LinkedHashMap<>();

    /** Applies one event; events of other types are ignored, as any consumer should. */
    void apply(CloudEvent event) {
        String id = event.getSubject();
        JsonNode data = event.getData() == null ? JSON.createObjectNode() : JSON.readTree(event.getData().toBytes());
        Entry entry = gatherings.get(id);
        switch (event.getType()) {
            case "Gathering.Planned" -> gatherings.put(id, new Entry(id, data.path("name").asString(),
                    data.path("startsAt").asString(), data.path("capacity").asInt(), 0, "PLANNED"));
            case "Gathering.Renamed" -> change(id, entry, entry == null ? null
                    : entry.with(data.path("name").asString(), entry.startsAt(), entry.capacity(), entry.attendees(), entry.status()));
            case "Gathering.Rescheduled" -> change(id, entry, entry == null ? null
                    : entry.with(entry.name(), data.path("startsAt").asString(), entry.capacity(), entry.attendees(), entry.status()));
            case "Gathering.CapacityChanged" -> change(id, entry, entry == null ? null
                    : entry.with(entry.name(), entry.startsAt(), data.path("capacity").asInt(), entry.attendees(), entry.status()));
            case "Gathering.AttendeeRegistered" -> change(id, entry, entry == null ? null
                    : entry.with(entry.name(), entry.startsAt(), entry.capacity(), entry.attendees() + 1, entry.status()));
            case "Gathering.AttendeeWithdrawn" -> change(id, entry, entry == null ? null
                    : entry.with(entry.name(), entry.startsAt(), entry.capacity(), entry.attendees() - 1, entry.status()));
            case "Gathering.Cancelled" -> change(id, entry, entry == null ? null
                    : entry.with(entry.name(), entry.startsAt(), entry.capacity(), entry.attendees(), "CANCELLED"));
            default -> {
                // other events on the topic are none of this list's business
            }
        }
    }

    private void change(String id, Entry before, Entry after) {
        if (before != null) {
            gatherings.put(id, after);
        }
    }

    Collection<Entry> entries() {
        return gatherings.values();
    }
}
