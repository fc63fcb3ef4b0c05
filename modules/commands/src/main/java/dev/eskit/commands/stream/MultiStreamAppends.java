package dev.eskit.commands.stream;

import dev.eskit.commands.api.AppendResult;
import dev.eskit.commands.api.AppendToStream;
import dev.eskit.commands.api.AppendToStreams.StreamCheck;
import dev.eskit.commands.api.AppendToStreams;
import dev.eskit.commands.api.AppendsResult;
import dev.eskit.commands.api.CommandRejectedException;
import dev.eskit.commands.api.Rejection.Reason;
import dev.eskit.commands.api.Rejection.UnmetExpectation;
import dev.eskit.commands.api.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Several streams' appends in one unit of work, so in one commit: one database transaction on the
 * JDBC store, one append transaction on Axon Server. Every expectation is checked before anything is
 * applied, so a refusal lists all the streams that were not where their writer expected; any other
 * refusal of one append (a reused event id, another partition) rolls back the others.
 */
@Component
class MultiStreamAppends {

    private final Repository<StreamAggregate> streams;

    MultiStreamAppends(Repository<StreamAggregate> streams) {
        this.streams = streams;
    }

    @CommandHandler
    AppendsResult handle(AppendToStreams command) throws Exception {
        Map<String, Aggregate<StreamAggregate>> loaded = loadInIdOrder(command);
        List<UnmetExpectation> unmet = new ArrayList<>();
        for (AppendToStream append : command.appends()) {
            Aggregate<StreamAggregate> stream = loaded.get(append.streamId().value());
            if (!stream.invoke(root -> root.meetsExpectationOf(append))) {
                unmet.add(new UnmetExpectation(append.streamId().value(), append.expectedVersion(), stream.invoke(StreamAggregate::version)));
            }
        }
        for (StreamCheck check : command.checks()) {
            Aggregate<StreamAggregate> stream = loaded.get(check.streamId().value());
            boolean met = stream == null ? check.expectedVersion().isMetBy(0) : stream.invoke(root -> root.meets(check.expectedVersion()));
            if (!met) {
                unmet.add(new UnmetExpectation(check.streamId().value(), check.expectedVersion(), stream == null ? 0 : stream.invoke(StreamAggregate::version)));
            }
        }
        if (!unmet.isEmpty()) {
            throw new CommandRejectedException(new Rejection(Reason.WRONG_EXPECTED_VERSION, describe(unmet), null, List.of(), unmet));
        }
        List<AppendResult> results = new ArrayList<>();
        for (AppendToStream append : command.appends()) {
            results.add(loaded.get(append.streamId().value()).invoke(stream -> stream.handle(append)));
        }
        return new AppendsResult(results);
    }

    /**
     * Takes each stream's lock in the order of the ids, so that two multi-stream appends over the same
     * streams never wait for each other in a circle. A checked stream without events is not loaded.
     */
    private Map<String, Aggregate<StreamAggregate>> loadInIdOrder(AppendToStreams command) throws Exception {
        Map<String, Boolean> written = new TreeMap<>();
        command.appends().forEach(append -> written.put(append.streamId().value(), true));
        command.checks().forEach(check -> written.put(check.streamId().value(), false));
        Map<String, Aggregate<StreamAggregate>> loaded = new TreeMap<>();
        for (Map.Entry<String, Boolean> stream : written.entrySet()) {
            if (stream.getValue()) {
                loaded.put(stream.getKey(), streams.loadOrCreate(stream.getKey(), StreamAggregate::new));
            } else {
                try {
                    loaded.put(stream.getKey(), streams.load(stream.getKey()));
                } catch (AggregateNotFoundException noEvents) {
                    // a stream without events is at version 0
                }
            }
        }
        return loaded;
    }

    private static String describe(List<UnmetExpectation> unmet) {
        return unmet.stream()
                .map(expectation -> "stream " + expectation.streamId() + " is at version " + expectation.currentVersion()
                        + ", expected " + expectation.expectedVersion())
                .collect(Collectors.joining("; "));
    }
}
