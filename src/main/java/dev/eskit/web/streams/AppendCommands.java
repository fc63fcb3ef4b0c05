package dev.eskit.web.streams;

import dev.eskit.commands.api.AppendToStream;
import dev.eskit.commands.api.AppendToStreams.StreamCheck;
import dev.eskit.commands.api.AppendToStreams;
import dev.eskit.commands.api.EventTypes;
import dev.eskit.commands.api.ExpectedVersion;
import dev.eskit.commands.api.NewEvent;
import dev.eskit.commands.api.StreamId;
import dev.eskit.web.problem.Problems.FieldProblem;
import dev.eskit.web.problem.Problems;
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
        ExpectedVersion expected = expectedVersion(request.expectedVersion(), "expectedVersion", problems);
        return orRefuse(from(streamId, expected, request.events(), "", ids, problems), problems);
    }

    /** From an API that states the expected version typed (gRPC). */
    public static AppendToStream from(String streamId, ExpectedVersion expected, List<AppendRequest.EventRequest> events,
                                      Supplier<UUID> ids) {
        List<FieldProblem> problems = new ArrayList<>();
        return orRefuse(from(streamId, expected, events, "", ids, problems), problems);
    }

    /** From the body of a multi-stream append, whose expected versions are JSON as in a single append's. */
    public static AppendToStreams from(MultiAppendRequest request, Supplier<UUID> ids) {
        List<FieldProblem> problems = new ArrayList<>();
        List<AppendToStream> appends = new ArrayList<>();
        for (int i = 0; i < request.appends().size(); i++) {
            MultiAppendRequest.StreamAppend append = request.appends().get(i);
            String field = "appends[" + i + "].";
            ExpectedVersion expected = expectedVersion(append.expectedVersion(), field + "expectedVersion", problems);
            appends.add(from(append.streamId(), expected, append.events(), field, ids, problems));
        }
        List<StreamCheck> checks = new ArrayList<>();
        for (int i = 0; i < request.checks().size(); i++) {
            MultiAppendRequest.Check check = request.checks().get(i);
            String field = "checks[" + i + "].";
            checkStreamId(check.streamId(), field, problems);
            checks.add(new StreamCheck(new StreamId(check.streamId()), expectedVersion(check.expectedVersion(), field + "expectedVersion", problems)));
        }
        return orRefuse(from(appends, checks, problems), problems);
    }

    private static AppendToStreams from(List<AppendToStream> appends, List<StreamCheck> checks, List<FieldProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < appends.size(); i++) {
            if (!seen.add(appends.get(i).streamId().value())) {
                problems.add(new FieldProblem("appends[" + i + "].streamId", "the stream appears twice in this request"));
            }
        }
        for (int i = 0; i < checks.size(); i++) {
            if (!seen.add(checks.get(i).streamId().value())) {
                problems.add(new FieldProblem("checks[" + i + "].streamId", "the stream appears twice in this request"));
            }
        }
        return new AppendToStreams(appends, checks);
    }

    private static AppendToStream from(String streamId, ExpectedVersion expected, List<AppendRequest.EventRequest> requested,
                                       String prefix, Supplier<UUID> ids, List<FieldProblem> problems) {
        checkStreamId(streamId, prefix, problems);
        Set<String> seenIds = new HashSet<>();
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            AppendRequest.EventRequest event = requested.get(i);
            String field = prefix + "events[" + i + "]";
            if (!EventTypes.isValid(event.type())) {
                problems.add(new FieldProblem(field + ".type", "must be <Partition>.<Action>, letters, digits, _ and -"));
            } else if (EventTypes.isReserved(event.type())) {
                problems.add(new FieldProblem(field + ".type", event.type() + " is reserved for the store's own events"));
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
        return new AppendToStream(new StreamId(streamId), expected, events);
    }

    /** A path's stream id was checked already; a body's is checked here, as a field. */
    private static void checkStreamId(String streamId, String prefix, List<FieldProblem> problems) {
        if (!prefix.isEmpty() && !StreamIds.isValid(streamId)) {
            problems.add(new FieldProblem(prefix + "streamId", StreamIds.RULE));
        }
    }

    private static <T> T orRefuse(T command, List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw Problems.invalidFields(problems);
        }
        return command;
    }

    /** A number or one of the words, as JSON; a problem for {@code field} otherwise. */
    static ExpectedVersion expectedVersion(JsonNode value, String field, List<FieldProblem> problems) {
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
        problems.add(new FieldProblem(field, "must be a version number (0 or more), \"no_stream\", \"stream_exists\" or \"any\""));
        return new ExpectedVersion.Any();
    }
}
