package dev.eskit.web.streams;

import dev.eskit.commands.api.AppendResult;
import dev.eskit.commands.api.AppendToStream;
import dev.eskit.commands.api.Rejection;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.queries.api.StreamReader;
import dev.eskit.web.problem.RejectionProblems;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** An append as every API performs it: the store's verdict on the command, and where its events landed. */
@Component
public class StreamAppends {

    private final CommandGateway commands;
    private final StreamReader streams;

    StreamAppends(CommandGateway commands, StreamReader streams) {
        this.commands = commands;
        this.streams = streams;
    }

    public Appended append(AppendToStream command) {
        AppendResult result = send(command);
        String streamId = command.streamId();
        return new Appended(new AppendResponse(streamId, result.fromVersion(), result.toVersion(),
                streams.positions(streamId, result.fromVersion(), result.toVersion())), result.retried());
    }

    /**
     * The aggregate checks versions in memory; the store is what decides between instances. A command
     * that kept losing that race after the gateway's retries answers with the version that won.
     */
    private AppendResult send(AppendToStream command) {
        try {
            return commands.sendAndWait(command);
        } catch (CommandExecutionException failure) {
            if (Rejection.is(failure, Reason.CONCURRENT_WRITE)) {
                throw new ErrorResponseException(HttpStatus.CONFLICT,
                        RejectionProblems.versionTaken(command.streamId(), streams.version(command.streamId())), failure);
            }
            throw failure;
        }
    }

    /** Where an append landed; {@code retried} when an identical earlier request had stored it and nothing new was. */
    public record Appended(AppendResponse response, boolean retried) {
    }
}
