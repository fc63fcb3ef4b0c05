package dev.eskit.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.commands.api.CommandRejectedException;
import dev.eskit.commands.api.Rejection;
import dev.eskit.commands.api.Rejection.Reason;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class NamedFailuresCommandBusTest {

    @Test
    void namesALostRaceWhateverItsCause() {
        Throwable failure = failureOf(new ConcurrencyException("taken", new SQLException("duplicate key", "23505")));
        assertThat(Rejection.of(failure)).get().extracting(Rejection::reason).isEqualTo(Reason.CONCURRENT_WRITE);
    }

    @Test
    void namesAnUnknownAggregate() {
        assertThat(Rejection.of(failureOf(new AggregateNotFoundException("entity:T:1", "no such aggregate"))))
                .get().extracting(Rejection::reason).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void namesAnUnreachableDatabase() {
        assertThat(Rejection.of(failureOf(new CannotGetJdbcConnectionException("down", new SQLException("refused", "08001")))))
                .get().extracting(Rejection::reason).isEqualTo(Reason.STORE_UNAVAILABLE);
    }

    @Test
    void passesARefusalOnAsItIs() {
        CommandRejectedException refusal = new CommandRejectedException(new Rejection(Reason.GATHERING_FULL, "full", 3L));
        assertThat(failureOf(refusal)).isSameAs(refusal);
    }

    @Test
    void leavesAFaultAlone() {
        IllegalStateException fault = new IllegalStateException("a bug");
        assertThat(failureOf(fault)).isSameAs(fault);
    }

    /** What a sender receives from a handler that throws {@code thrown}. */
    private static Throwable failureOf(RuntimeException thrown) {
        SimpleCommandBus handlers = SimpleCommandBus.builder().build();
        handlers.subscribe(String.class.getName(), command -> {
            throw thrown;
        });
        AtomicReference<CommandResultMessage<?>> result = new AtomicReference<>();
        new NamedFailuresCommandBus(handlers).dispatch(GenericCommandMessage.asCommandMessage("do it"),
                (command, outcome) -> result.set(outcome));
        assertThat(result.get().isExceptional()).isTrue();
        return result.get().exceptionResult();
    }
}
