package dev.eskit.web.streams;

import dev.eskit.commands.api.AppendResult;
import dev.eskit.commands.api.AppendToStream;
import dev.eskit.commands.api.AppendToStreams;
import dev.eskit.commands.api.AppendsResult;
import dev.eskit.commands.api.DeleteStream;
import dev.eskit.commands.api.ExpectedVersion;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.Rejection.UnmetExpectation;
import dev.eskit.commands.api.Rejection;
import dev.eskit.queries.api.StreamReader;
import dev.eskit.web.problem.RejectionProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** A write to raw streams as every API performs it: the store's verdict on the command, and where its events landed. */
@Component
public class StreamAppends {

    private final CommandGateway commands;
    private final StreamReader streams;

    StreamAppends(CommandGateway commands, StreamReader streams) {
        this.commands = commands;
        this.streams = streams;
    }

    public Appended append(AppendToStream command) {
        return appended(send(command));
    }

    public List<Appended> append(AppendToStreams command) {
        return send(command).results().stream().map(this::appended).toList();
    }

    private Appended appended(AppendResult result) {
        return new Appended(new AppendResponse(result.streamId(), result.fromVersion(), result.toVersion(),
                streams.positions(result.streamId(), result.fromVersion(), result.toVersion())), result.retried());
    }

    /** Deletes the stream, soft or for ever; a lost race answers with the version that won. */
    public void delete(DeleteStream command) {
        try {
            commands.sendAndWait(command);
        } catch (CommandExecutionException failure) {
            throw versionTakenOr(failure, command.streamId().value());
        }
    }

    /**
     * The aggregate checks versions in memory; the store is what decides between instances. A command
     * that kept losing that race after the gateway's retries answers with the version that won.
     */
    private AppendResult send(AppendToStream command) {
        try {
            return commands.sendAndWait(command);
        } catch (CommandExecutionException failure) {
            throw versionTakenOr(failure, command.streamId().value());
        }
    }

    private RuntimeException versionTakenOr(CommandExecutionException failure, String streamId) {
        if (Rejection.is(failure, Reason.CONCURRENT_WRITE)) {
            return new ErrorResponseException(HttpStatus.CONFLICT, RejectionProblems.versionTaken(streamId, streams.version(streamId)), failure);
        }
        return failure;
    }

    /**
     * A multi-stream append that kept losing the race to another writer answers with the streams whose
     * expectations the winner broke, as the store has them now.
     */
    private AppendsResult send(AppendToStreams command) {
        try {
            return commands.sendAndWait(command);
        } catch (CommandExecutionException failure) {
            if (Rejection.is(failure, Reason.CONCURRENT_WRITE)) {
                List<UnmetExpectation> unmet = unmetNow(command);
                if (!unmet.isEmpty()) {
                    throw new ErrorResponseException(HttpStatus.CONFLICT, RejectionProblems.versionsTaken(unmet), failure);
                }
            }
            throw failure;
        }
    }

    private List<UnmetExpectation> unmetNow(AppendToStreams command) {
        List<UnmetExpectation> unmet = new ArrayList<>();
        command.appends().forEach(append -> unmetNow(append.streamId().value(), append.expectedVersion()).ifPresent(unmet::add));
        command.checks().forEach(check -> unmetNow(check.streamId().value(), check.expectedVersion()).ifPresent(unmet::add));
        return unmet;
    }

    private Optional<UnmetExpectation> unmetNow(String streamId, ExpectedVersion expected) {
        long version = streams.version(streamId);
        return expected.isMetBy(version) ? Optional.empty() : Optional.of(new UnmetExpectation(streamId, expected, version));
    }

    /** Where an append landed; {@code retried} when an identical earlier request had stored it and nothing new was. */
    public record Appended(AppendResponse response, boolean retried) {
    }
}
