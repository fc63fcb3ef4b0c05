package dev.eskit.queries.entity;

import dev.eskit.queries.api.EntityHistoryEntry.Change;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The field-level changes between two documents, addressed by JSON Pointers (RFC 6901). Objects are
 * compared member by member; anything else, arrays included, changes as a whole, as a merge patch does.
 */
final class JsonChanges {

    private JsonChanges() {
    }

    static List<Change> between(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        collect("", before, after, changes);
        return changes;
    }

    private static void collect(String path, JsonNode before, JsonNode after, List<Change> changes) {
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>(before.propertyNames());
            names.addAll(after.propertyNames());
            for (String name : names) {
                collect(path + "/" + escape(name), before.get(name), after.get(name), changes);
            }
        } else if (before == null ? after != null : !before.equals(after)) {
            changes.add(new Change(path, before, after));
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
