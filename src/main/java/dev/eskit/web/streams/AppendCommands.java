package dev.eskit.web.streams;

import dev.eskit.commands.api.AppendToStream;
import dev.eskit.commands.api.EventTypes;
import dev.eskit.commands.api.ExpectedVersion;
import dev.eskit.commands.api.NewEvent;
import dev.eskit.web.problem.Problems;
import dev.eskit.web.problem.Problems.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Checks an append request's shape and turns it into the command; every mistake is reported at once. */
public final class AppendCommands {

    private AppendCommands() {
    }

    /** From the HTTP body, whose expected version is JSON: a number or one of the words. */
    static AppendToStream from(String streamId, AppendRequest request, Supplier<UUID> ids) {
        List<FieldProblem> problems = new ArrayList<>();
        ExpectedVersion expected = expectedVersion(request.expectedVersion(), problems);
        return from(streamId, expected, request.events(), ids, problems);
    }

    /** From an API that states the expected version typed (gRPC). */
    public static AppendToStream from(String streamId, ExpectedVersion expected, List<AppendRequest.EventRequest> events,
                                      Supplier<UUID> ids) {
        return from(streamId, expected, events, ids, new ArrayList<>());
    }

    private static AppendToStream from(String streamId, ExpectedVersion expected, List<AppendRequest.EventRequest> requested,
                                       Supplier<UUID> ids, List<FieldProblem> problems) {
        Set<String> seenIds = new HashSet<>();
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            AppendRequest.EventRequest event = requested.get(i);
            String field = "events[" + i + "]";
            if (!EventTypes.isValid(event.type())) {
                problems.add(new FieldProblem(field + ".type", "must be <Partition>.<Action>, letters, digits, _ and -"));
            }
            if (event.metadata() != null && !event.metadata().isObject() && !event.metadata().isNull()) {
                problems.add(new FieldProblem(field + ".metadata", "must be a JSON object"));
            }
            if (event.id() != null && !seenIds.add(event.id())) {
                problems.add(new FieldProblem(field + ".id", "appears twice in this request"));
            }
            JsonNode metadata = event.metadata() == null || event.metadata().isNull()
                    ? JsonNodeFactory.instance.objectNode() : event.metadata();
            String id = event.id() != null ? event.id() : ids.get().toString();
            events.add(new NewEvent(id, event.type(), event.data(), metadata));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalidFields(problems);
        }
        return new AppendToStream(streamId, expected, events);
    }

    private static ExpectedVersion expectedVersion(JsonNode value, List<FieldProblem> problems) {
        if (value == null || value.isNull() || value.isString() && value.stringValue().equals("any")) {
            return new ExpectedVersion.Any();
        }
        if (value.isString() && value.stringValue().equals("no_stream")) {
            return new ExpectedVersion.NoStream();
        }
        if (value.isString() && value.stringValue().equals("stream_exists")) {
            return new ExpectedVersion.StreamExists();
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
            return new ExpectedVersion.Exactly(value.longValue());
        }
        problems.add(new FieldProblem("expectedVersion", "must be a version number (0 or more), \"no_stream\", \"stream_exists\" or \"any\""));
        return new ExpectedVersion.Any();
    }
}
