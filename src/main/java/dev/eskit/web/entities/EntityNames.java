package dev.eskit.web.entities;

import dev.eskit.commands.api.entity.EntityStreams;
import dev.eskit.web.problem.Problems;

/** Checks the type and id in a path before anything reaches the store. */
final class EntityNames {

    private EntityNames() {
    }

    static String type(String type) {
        if (!EntityStreams.TYPE.matcher(type).matches()) {
            throw Problems.invalidField("type", "1-64 letters, digits, '-' or '_'");
        }
        return type;
    }

    static String id(String id) {
        if (!EntityStreams.ID.matcher(id).matches()) {
            throw Problems.invalidField("id", "1-128 letters, digits, '.', '_', '~' or '-'");
        }
        return id;
    }
}
