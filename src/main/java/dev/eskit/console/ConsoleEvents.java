package dev.eskit.console;

import dev.eskit.commands.api.PersonalDataVault;
import dev.eskit.queries.api.LoggedEvent;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Turns stored events into what a page shows; a non-admin sees "[hidden]" for each personal value. */
@Component
class ConsoleEvents {

    static final String HIDDEN = "[hidden]";

    private final ObjectWriter pretty;
    private final JsonMapper json;

    ConsoleEvents(JsonMapper json) {
        this.json = json;
        this.pretty = json.writerWithDefaultPrettyPrinter();
    }

    ConsoleEvent of(LoggedEvent event, String cursor, Viewer viewer) {
        JsonNode data = viewer.admin() || event.personalFields().isEmpty() ? event.data() : hidden(event);
        JsonNode metadata = event.metadata();
        return new ConsoleEvent(event.id(), event.streamId(), event.type(), event.version(), event.position(),
                event.timestamp(), pretty(data), pretty(metadata), text(metadata, "actor"), text(metadata, "requestId"),
                cursor);
    }

    String pretty(JsonNode node) {
        return node == null || node.isNull() ? "" : pretty.writeValueAsString(node);
    }

    String compact(JsonNode node) {
        return node == null || node.isNull() ? "" : json.writeValueAsString(node);
    }

    private static JsonNode hidden(LoggedEvent event) {
        JsonNode data = event.data().deepCopy();
        for (String path : event.personalFields()) {
            JsonPointer pointer = JsonPointer.compile(path);
            if (data.at(pointer.head()) instanceof ObjectNode parent) {
                String field = pointer.last().getMatchingProperty();
                if (!PersonalDataVault.ERASED.equals(parent.path(field).asString(""))) {
                    parent.put(field, HIDDEN);
                }
            }
        }
        return data;
    }

    private static String text(JsonNode metadata, String key) {
        return metadata != null && metadata.hasNonNull(key) ? metadata.get(key).asString() : null;
    }
}
