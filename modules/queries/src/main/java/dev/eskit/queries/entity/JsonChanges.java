package dev.eskit.queries.entity;

import dev.eskit.commands.api.entity.MergePatches;
import dev.eskit.queries.api.EntityHistoryEntry.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The field-level changes between two documents, addressed by JSON Pointers (RFC 6901): the members
 * of the merge patch between them ({@link MergePatches#diff}), each with its
 * value before and after. Objects are compared member by member; anything else, arrays included,
 * changes as a whole, as a merge patch does.
 */
final class JsonChanges {

    private JsonChanges() {
    }

    /** Between two documents, which are JSON objects (the API refuses any other body). */
    static List<Change> between(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        collect("", MergePatches.diff(before, after), before, after, changes);
        return changes;
    }

    private static void collect(String path, JsonNode patch, JsonNode before, JsonNode after, List<Change> changes) {
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String name = member.getKey();
            String pointer = path + "/" + escape(name);
            JsonNode was = before.get(name);
            JsonNode is = after.get(name);
            if (member.getValue().isObject() && was != null && was.isObject() && is != null && is.isObject()) {
                collect(pointer, member.getValue(), was, is, changes);
            } else {
                changes.add(new Change(pointer, was, is));
            }
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
