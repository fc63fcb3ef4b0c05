package dev.eskit.web.streams;

import dev.eskit.commands.api.ExpectedVersion;
import dev.eskit.commands.api.SetStreamMetadata;
import dev.eskit.commands.api.StreamId;
import dev.eskit.commands.api.StreamMetadata;
import dev.eskit.queries.api.StreamLifecycles.Lifecycle;
import dev.eskit.web.problem.Problems.FieldProblem;
import dev.eskit.web.problem.Problems;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** A stream's metadata as every API sets and reads it; a tombstoned stream has none to change (410). */
@Component
public class StreamMetadatas {

    private final CommandGateway commands;
    private final StreamReads streams;

    StreamMetadatas(CommandGateway commands, StreamReads streams) {
        this.commands = commands;
        this.streams = streams;
    }

    /** Replaces the metadata if it is at the request's expected version; answers it at its new version. */
    public StreamMetadataView set(String streamId, StreamMetadataRequest request) {
        StreamIds.require(streamId);
        List<FieldProblem> problems = new ArrayList<>();
        ExpectedVersion expected = AppendCommands.expectedVersion(request.expectedVersion(), "expectedVersion", problems);
        if (request.custom() != null && !request.custom().isObject() && !request.custom().isNull()) {
            problems.add(new FieldProblem("custom", "must be a JSON object"));
        }
        if (!problems.isEmpty()) {
            throw Problems.invalidFields(problems);
        }
        streams.lifecycle(streamId);
        JsonNode custom = request.custom() == null || request.custom().isNull() ? null : request.custom();
        long version = commands.sendAndWait(new SetStreamMetadata(new StreamId(streamId), expected,
                new StreamMetadata(request.maxAge(), request.maxCount(), request.truncateBefore(), custom)));
        return new StreamMetadataView(streamId, version, request.maxAge(), request.maxCount(), request.truncateBefore(), custom);
    }

    /** The metadata at its current version; 404 while the stream has none. */
    public StreamMetadataView get(String streamId) {
        StreamIds.require(streamId);
        Lifecycle lifecycle = streams.lifecycle(streamId);
        if (lifecycle.metadataVersion() == 0) {
            throw Problems.notFound("stream " + streamId + " has no metadata");
        }
        return new StreamMetadataView(streamId, lifecycle.metadataVersion(), lifecycle.maxAgeSeconds(), lifecycle.maxCount(),
                lifecycle.truncateBefore(), lifecycle.custom());
    }
}
