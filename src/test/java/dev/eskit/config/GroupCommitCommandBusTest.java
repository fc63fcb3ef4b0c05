package dev.eskit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The group commit's rules, on Axon's bus with an in-memory event store and a transaction manager
 * that counts: commands that wait together share one transaction, a refused one rolls back alone,
 * a failed commit runs each command alone, and one aggregate's commands never share a group.
 */
class GroupCommitCommandBusTest {

    /** A command on {@code aggregate}; {@code refuse} makes its handler throw after publishing. */
    record Write(String aggregate, String value, boolean refuse) {
    }

    /** Sent from inside another command's handler. */
    record Inner(String aggregate) {
    }

    private final InMemoryEventStorageEngine stored = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(stored).build();
    private final CountingTransactions transactions = new CountingTransactions();
    /** Opened by a test to let the handler of the value "hold" return. */
    private final CountDownLatch released = new CountDownLatch(1);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Thread> senders = new CopyOnWriteArrayList<>();
    private SimpleCommandBus bus;

    @BeforeEach
    void busWithHandlers() {
        bus = busGrouping(128);
    }

    @AfterEach
    void stopStore() {
        store.shutDown();
    }

    private SimpleCommandBus busGrouping(int maxCommands) {
        SimpleCommandBus grouping = new GroupCommitCommandBus(SimpleCommandBus.builder(), transactions,
                payload -> payload instanceof Write || payload instanceof Inner,
                () -> command -> new VersionedAggregateIdentifier(aggregateOf(command), null), maxCommands, meters);
        grouping.subscribe(Write.class.getName(), command -> {
            Write write = (Write) command.getPayload();
            if (write.value().equals("hold")) {
                released.await();
            }
            store.publish(GenericEventMessage.asEventMessage(write.aggregate() + "=" + write.value()));
            if (write.refuse()) {
                throw new IllegalStateException("refused " + write.value());
            }
            return write.value();
        });
        grouping.subscribe(Inner.class.getName(), command -> {
            store.publish(GenericEventMessage.asEventMessage("inner"));
            return "inner";
        });
        return grouping;
    }

    private static String aggregateOf(CommandMessage<?> command) {
        return command.getPayload() instanceof Write write ? write.aggregate() : ((Inner) command.getPayload()).aggregate();
    }

    @Test
    void commandsThatWaitTogetherShareOneTransaction() {
        CompletableFuture<CommandResultMessage<?>> first = sendHeld();
        List<CompletableFuture<CommandResultMessage<?>>> waiting = IntStream.range(1, 8)
                .mapToObj(i -> sendAsync(write("a" + i, "v" + i))).toList();
        awaitWaiting(7);

        released.countDown();

        assertThat(first.join().getPayload()).isEqualTo("hold");
        for (int i = 1; i < 8; i++) {
            assertThat(waiting.get(i - 1).join().getPayload()).isEqualTo("v" + i);
        }
        assertThat(transactions.committed.get()).as("one for the first command, one for the seven that waited").isEqualTo(2);
        assertThat(meters.get("eskit.commands.group.size").summary().max()).isEqualTo(7);
        assertThat(storedEvents()).hasSize(8);
    }

    @Test
    void aRefusedCommandRollsBackAloneAndTheOthersCommit() {
        CompletableFuture<CommandResultMessage<?>> first = sendHeld();
        List<CompletableFuture<CommandResultMessage<?>>> waiting = queue(write("a1", "kept1"), new Write("a2", "bad", true),
                write("a3", "kept3"));
        CompletableFuture<CommandResultMessage<?>> before = waiting.get(0);
        CompletableFuture<CommandResultMessage<?>> refused = waiting.get(1);
        CompletableFuture<CommandResultMessage<?>> after = waiting.get(2);

        released.countDown();

        first.join();
        assertThat(before.join().getPayload()).isEqualTo("kept1");
        assertThat(refused.join().isExceptional()).isTrue();
        assertThat(refused.join().exceptionResult()).hasMessage("refused bad");
        assertThat(after.join().getPayload()).isEqualTo("kept3");
        assertThat(transactions.committed.get()).isEqualTo(2);
        assertThat(storedEvents()).containsExactly("a0=hold", "a1=kept1", "a3=kept3");
    }

    @Test
    void aGroupWhoseCommitFailsRunsEachCommandAlone() {
        CompletableFuture<CommandResultMessage<?>> first = sendHeld();
        List<CompletableFuture<CommandResultMessage<?>>> waiting = queue(write("a1", "v1"), write("a2", "v2"), write("a3", "v3"));
        transactions.failNextGroup.set(new IllegalStateException("the group's insert fails"));

        released.countDown();

        first.join();
        for (int i = 1; i < 4; i++) {
            assertThat(waiting.get(i - 1).join().getPayload()).isEqualTo("v" + i);
        }
        assertThat(transactions.rolledBack.get()).as("the group's").isEqualTo(1);
        assertThat(meters.get("eskit.commands.group.failures").counter().count()).isEqualTo(1);
        assertThat(transactions.committed.get()).as("the first command's, then each of three alone").isEqualTo(4);
        assertThat(storedEvents()).containsExactly("a0=hold", "a1=v1", "a2=v2", "a3=v3");
    }

    @Test
    void aGroupThatFindsTheStoreUnreachableAnswersEveryCommandAtOnce() {
        CompletableFuture<CommandResultMessage<?>> first = sendHeld();
        List<CompletableFuture<CommandResultMessage<?>>> waiting = queue(write("a1", "v1"), write("a2", "v2"), write("a3", "v3"));
        transactions.failNextGroup.set(new CannotGetJdbcConnectionException("the database is down"));

        released.countDown();

        first.join();
        for (CompletableFuture<CommandResultMessage<?>> answer : waiting) {
            assertThat(answer.join().exceptionResult()).isInstanceOf(CannotGetJdbcConnectionException.class);
        }
        assertThat(transactions.started.get()).as("no command ran again alone").isEqualTo(2);
        assertThat(storedEvents()).containsExactly("a0=hold");
    }

    @Test
    void everyWaitingCommandIsAnsweredAtOnceWhenTheStoreIsUnreachable() {
        CompletableFuture<CommandResultMessage<?>> first = sendHeld();
        List<CompletableFuture<CommandResultMessage<?>>> waiting = queue(write("a1", "v1"), write("a2", "v2"), write("a3", "v3"));
        transactions.failNextAlone.set(new CannotGetJdbcConnectionException("the database is down"));

        released.countDown();

        assertThat(first.join().exceptionResult()).isInstanceOf(CannotGetJdbcConnectionException.class);
        for (CompletableFuture<CommandResultMessage<?>> answer : waiting) {
            assertThat(answer.join().exceptionResult()).isInstanceOf(CannotGetJdbcConnectionException.class);
        }
        assertThat(transactions.started.get()).as("the waiting commands did not run").isEqualTo(1);
        assertThat(storedEvents()).isEmpty();
    }

    @Test
    void oneAggregatesCommandsRunInTurnInSeparateGroups() {
        sendHeld();
        List<CompletableFuture<CommandResultMessage<?>>> waiting = queue(write("x", "x1"), write("y", "y1"), write("x", "x2"),
                write("y", "y2"), write("z", "z1"));

        released.countDown();

        waiting.forEach(CompletableFuture::join);
        assertThat(transactions.committed.get()).as("the first; x1 y1; x2 y2 z1").isEqualTo(3);
        assertThat(storedEvents()).containsExactly("a0=hold", "x=x1", "y=y1", "x=x2", "y=y2", "z=z1");
    }

    @Test
    void aGroupRunsItsCommandsInTheOrderOfTheirAggregatesIds() {
        CompletableFuture<CommandResultMessage<?>> first = sendHeld();
        List<CompletableFuture<CommandResultMessage<?>>> waiting = queue(write("c", "c1"), write("b", "b1"), write("d", "d1"));

        released.countDown();

        first.join();
        assertThat(waiting.stream().map(answer -> (Object) answer.join().getPayload())).containsExactly("c1", "b1", "d1");
        assertThat(storedEvents()).containsExactly("a0=hold", "b=b1", "c=c1", "d=d1");
    }

    @Test
    void withGroupsOfOneNoCommandWaitsForAnother() {
        bus = busGrouping(1);
        CompletableFuture<CommandResultMessage<?>> first = sendHeld();
        List<CompletableFuture<CommandResultMessage<?>>> waiting = IntStream.range(1, 4)
                .mapToObj(i -> sendAsync(write("a" + i, "v" + i))).toList();
        await().until(() -> transactions.committed.get() == 3);

        released.countDown();

        first.join();
        waiting.forEach(CompletableFuture::join);
        assertThat(transactions.committed.get()).isEqualTo(4);
    }

    @Test
    void aCommandSentFromAHandlerRunsInItsSendersUnitOfWork() {
        SimpleCommandBus sending = busGrouping(128);
        sending.subscribe(Write.class.getName(), command -> {
            CompletableFuture<CommandResultMessage<?>> inner = new CompletableFuture<>();
            bus.dispatch(GenericCommandMessage.asCommandMessage(new Inner("i")), (message, result) -> inner.complete(result));
            return inner.join().getPayload();
        });
        bus = sending;

        CommandResultMessage<?> result = send(new Write("a0", "outer", false));

        assertThat(result.isExceptional()).as(String.valueOf(result)).isFalse();
        assertThat(result.getPayload()).isEqualTo("inner");
        assertThat(storedEvents()).containsExactly("inner");
    }

    @Test
    void aCallerInterruptedWhileItWaitsIsStillAnsweredAndKeepsItsInterrupt() throws InterruptedException {
        CompletableFuture<CommandResultMessage<?>> first = sendHeld();
        AtomicReference<Object> answer = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            bus.dispatch(GenericCommandMessage.asCommandMessage(write("a1", "v1")), (message, result) -> answer.set(result.getPayload()));
            interruptKept.set(Thread.currentThread().isInterrupted());
        }, "sender-interrupted");
        senders.add(caller);
        caller.start();
        awaitWaiting(1);

        caller.interrupt();

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> caller.getState() == Thread.State.WAITING);
        released.countDown();
        caller.join(10_000);
        assertThat(first.join().getPayload()).isEqualTo("hold");
        assertThat(answer.get()).isEqualTo("v1");
        assertThat(interruptKept).isTrue();
    }

    /** A command whose handler holds its transaction open until the test releases it. */
    private CompletableFuture<CommandResultMessage<?>> sendHeld() {
        CompletableFuture<CommandResultMessage<?>> held = sendAsync(write("a0", "hold"));
        await().until(() -> transactions.started.get() == 1);
        return held;
    }

    /** Sends each write once the one before it waits behind the held command: they queue in this order. */
    private List<CompletableFuture<CommandResultMessage<?>>> queue(Write... writes) {
        List<CompletableFuture<CommandResultMessage<?>>> waiting = new ArrayList<>();
        for (Write write : writes) {
            waiting.add(sendAsync(write));
            awaitWaiting(waiting.size());
        }
        return waiting;
    }

    private static Write write(String aggregate, String value) {
        return new Write(aggregate, value, false);
    }

    private CompletableFuture<CommandResultMessage<?>> sendAsync(Object payload) {
        return CompletableFuture.supplyAsync(() -> send(payload), command -> {
            Thread sender = new Thread(command, "sender-" + payload);
            senders.add(sender);
            sender.start();
        });
    }

    private CommandResultMessage<?> send(Object payload) {
        CompletableFuture<CommandResultMessage<?>> answer = new CompletableFuture<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage(payload), (message, result) -> answer.complete(result));
        return answer.orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Until {@code count} senders wait for their turn behind the one that holds the first transaction (and waits too). */
    private void awaitWaiting(int count) {
        await().until(() -> senders.stream().filter(sender -> sender.getState() == Thread.State.WAITING).count() >= count + 1);
    }

    private List<String> storedEvents() {
        return stored.readEvents(null, false).map(event -> (String) event.getPayload()).toList();
    }

    /**
     * Counts transactions; can fail the insert of the next group, or of the next command alone, as a
     * unique key taken by another instance or a lost connection does.
     */
    private static final class CountingTransactions implements TransactionManager {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger committed = new AtomicInteger();
        final AtomicInteger rolledBack = new AtomicInteger();
        final AtomicReference<RuntimeException> failNextGroup = new AtomicReference<>();
        final AtomicReference<RuntimeException> failNextAlone = new AtomicReference<>();

        @Override
        public Transaction startTransaction() {
            started.incrementAndGet();
            boolean group = CurrentUnitOfWork.get().getMessage().getPayload() instanceof String;
            // runs before the event store's own step of the same phase, which stores the events
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                RuntimeException failure = group ? failNextGroup.getAndSet(null) : failNextAlone.getAndSet(null);
                if (failure != null) {
                    throw failure;
                }
            });
            return new Transaction() {
                @Override
                public void commit() {
                    committed.incrementAndGet();
                }

                @Override
                public void rollback() {
                    rolledBack.incrementAndGet();
                }
            };
        }
    }
}
