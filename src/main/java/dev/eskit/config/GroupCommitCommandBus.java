package dev.eskit.config;

import static org.axonframework.commandhandling.GenericCommandResultMessage.asCommandResultMessage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's local command bus with group commit: the commands that arrive while a transaction is
 * being committed are run together in the next one, as EventStoreDB's writer and PostgreSQL's own
 * WAL flush do. A group costs one transaction, one batched insert of all its events and one
 * commit, where each command alone would pay for all three.
 * <p>
 * No thread is added. The callers wait in arrival order and the oldest one runs the next group
 * for all of them, so a command that arrives alone runs on its caller's thread at once, as on
 * Axon's bus. After each group the turn passes to the oldest waiting caller rather than the same
 * caller going on: the commands that arrive during the hand-over join the next group, and a bigger
 * group costs less per command (a caller running up to eight groups in a row made groups of 4
 * instead of 12 at 16 clients, and halved the throughput).
 * <p>
 * Inside a group each command has its own nested unit of work: a command that is refused rolls
 * back alone and the others still commit. Each caller is answered only after the group's commit.
 * When the commit fails (a version another instance stored first, an event the database refuses),
 * every command of the group runs again alone, in its own transaction, and is answered as it would
 * have been without the group; when the store is unreachable, every waiting command is answered
 * so at once.
 * <p>
 * Only commands whose handlers write nothing but events are grouped ({@code groupable}): a write
 * to another table by a refused command would not be rolled back with it. A group never holds two
 * commands for one aggregate, so that a refusal cannot leave the other's aggregate half applied,
 * and commands for one aggregate keep their order. A command sent from inside a handler runs at
 * once, in its sender's unit of work.
 */
final class GroupCommitCommandBus extends SimpleCommandBus {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitCommandBus.class);
    /** The resource that marks a group's shared unit of work. */
    private static final String GROUP = GroupCommitCommandBus.class.getName() + ".group";

    private final TransactionManager transactions;
    private final Predicate<Object> groupable;
    private final Supplier<CommandTargetResolver> targets;
    private final int maxCommands;
    private final DistributionSummary groupSizes;
    private final Counter failedGroups;
    private final ReentrantLock lock = new ReentrantLock();
    /** The commands not answered yet, oldest first; the oldest one's caller runs the next group. */
    private final Deque<Pending> waiting = new ArrayDeque<>();

    /**
     * @param groupable   which command payloads may share a transaction
     * @param targets     names each command's aggregate
     * @param maxCommands the most commands in one group; 1 gives each command its own transaction
     */
    GroupCommitCommandBus(Builder builder, TransactionManager transactions, Predicate<Object> groupable,
                          Supplier<CommandTargetResolver> targets, int maxCommands, MeterRegistry meters) {
        super(builder.transactionManager(new OwnUnlessGrouped(transactions)));
        this.transactions = transactions;
        this.groupable = groupable;
        this.targets = targets;
        this.maxCommands = maxCommands;
        this.groupSizes = DistributionSummary.builder("eskit.commands.group.size")
                .description("Groupable commands committed in one transaction").register(meters);
        this.failedGroups = Counter.builder("eskit.commands.group.failures")
                .description("Groups whose commit failed, so that each of their commands ran again alone").register(meters);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        String aggregate = maxCommands > 1 && !CurrentUnitOfWork.isStarted() ? groupedAggregateOf(command) : null;
        if (aggregate == null) {
            super.handle(command, handler, callback);
            return;
        }
        Pending pending = new Pending(command, handler, aggregate, lock.newCondition());
        List<Pending> group = awaitTurn(pending);
        if (group != null) {
            List<CommandResultMessage<?>> answers = run(group);
            release(group, answers);
        }
        deliver(command, callback, pending.answer);
    }

    /** The aggregate a groupable command targets; null for any other command. */
    private String groupedAggregateOf(CommandMessage<?> command) {
        if (!groupable.test(command.getPayload())) {
            return null;
        }
        try {
            return targets.get().resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return null; // the handler refuses it as it refuses it alone
        }
    }

    /** Waits until this command is answered (null) or is the oldest; then returns the group it runs. */
    private List<Pending> awaitTurn(Pending pending) {
        lock.lock();
        try {
            waiting.addLast(pending);
            while (pending.answer == null && waiting.peekFirst() != pending) {
                pending.turn.awaitUninterruptibly();
            }
            return pending.answer == null ? groupAtFront() : null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest waiting commands, up to the first that repeats an aggregate, in the order of their
     * aggregates' ids: a group keeps each aggregate's lock until it commits, and taking them in that
     * order, as a multi-stream append does, is what keeps the two from waiting for each other.
     */
    private List<Pending> groupAtFront() {
        List<Pending> group = new ArrayList<>();
        Set<String> aggregates = new HashSet<>();
        for (Pending next : waiting) {
            if (group.size() == maxCommands || !aggregates.add(next.aggregate)) {
                break;
            }
            group.add(next);
        }
        group.sort(Comparator.comparing(pending -> pending.aggregate));
        return group;
    }

    /**
     * Answers the group and hands the turn to the oldest waiting caller. When the group found the
     * store unreachable, every waiting command is answered so too, with nothing stored: each would
     * otherwise wait for a connection in turn, a whole pool timeout per group.
     */
    private void release(List<Pending> group, List<CommandResultMessage<?>> answers) {
        CommandResultMessage<?> last = answers.get(answers.size() - 1);
        boolean unreachable = last.isExceptional() && StoreUnavailable.isCause(last.exceptionResult());
        lock.lock();
        try {
            for (int i = 0; i < group.size(); i++) {
                waiting.removeFirst(); // the group is the front of the queue, in another order
                answer(group.get(i), answers.get(i));
            }
            while (unreachable && !waiting.isEmpty()) {
                answer(waiting.removeFirst(), last);
            }
            Pending next = waiting.peekFirst();
            if (next != null) {
                next.turn.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private static void answer(Pending pending, CommandResultMessage<?> answer) {
        pending.answer = answer;
        pending.turn.signal();
    }

    /** An answer for every command of the group, whatever happens, so that no caller waits for ever. */
    private List<CommandResultMessage<?>> run(List<Pending> group) {
        groupSizes.record(group.size());
        try {
            if (group.size() > 1) {
                List<CommandResultMessage<?>> together = runTogether(group);
                if (together != null) {
                    return together;
                }
            }
            return group.stream().<CommandResultMessage<?>>map(this::runAlone).toList();
        } catch (RuntimeException | Error failure) {
            return failedAll(group, failure);
        }
    }

    /**
     * The answers after the shared commit. When it failed, nothing of the group was stored: with the
     * store unreachable every command is answered so at once (alone, each would wait for a
     * connection in turn); otherwise null, to run each command alone.
     */
    private List<CommandResultMessage<?>> runTogether(List<Pending> group) {
        UnitOfWork<?> shared = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage(group.size() + " commands"));
        shared.resources().put(GROUP, Boolean.TRUE);
        List<Answer> answers = new ArrayList<>(group.size());
        try {
            shared.attachTransaction(transactions);
            for (Pending pending : group) {
                answers.add(runIn(pending));
            }
            shared.commit();
        } catch (RuntimeException failure) {
            if (shared.isActive() && shared.isCurrent()) {
                shared.rollback(failure);
            }
            failedGroups.increment();
            if (StoreUnavailable.isCause(failure)) {
                return failedAll(group, failure);
            }
            log.debug("A group of {} commands did not commit; running each alone", group.size(), failure);
            return null;
        }
        return answers.stream().<CommandResultMessage<?>>map(Answer::result).toList();
    }

    private static List<CommandResultMessage<?>> failedAll(List<Pending> group, Throwable failure) {
        return group.stream().<CommandResultMessage<?>>map(ignored -> asCommandResultMessage(failure)).toList();
    }

    private CommandResultMessage<?> runAlone(Pending pending) {
        return runIn(pending).result();
    }

    /** Axon's handling of one command, in the current group's unit of work or in its own. */
    private Answer runIn(Pending pending) {
        Answer answer = new Answer();
        super.handle(pending.command, pending.handler, answer);
        return answer;
    }

    @SuppressWarnings("unchecked")
    private static <C, R> void deliver(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback,
                                      CommandResultMessage<?> answer) {
        callback.onResult(command, (CommandResultMessage<? extends R>) answer);
    }

    private static final class Pending {
        final CommandMessage<?> command;
        final MessageHandler<? super CommandMessage<?>> handler;
        final String aggregate;
        final Condition turn;
        /** Set, under the lock, by the caller that ran this command's group. */
        CommandResultMessage<?> answer;

        Pending(CommandMessage<?> command, MessageHandler<? super CommandMessage<?>> handler, String aggregate, Condition turn) {
            this.command = command;
            this.handler = handler;
            this.aggregate = aggregate;
            this.turn = turn;
        }
    }

    /** Keeps the result Axon's handling gives a command, to be handed to its caller later. */
    private static final class Answer implements CommandCallback<Object, Object> {
        private CommandResultMessage<?> result;

        @Override
        public void onResult(CommandMessage<?> command, CommandResultMessage<?> result) {
            this.result = result;
        }

        CommandResultMessage<?> result() {
            return result;
        }
    }

    /**
     * The transactions Axon's handling gives each command: none inside a group, which commits in
     * its own; otherwise the store's.
     */
    private record OwnUnlessGrouped(TransactionManager transactions) implements TransactionManager {
        @Override
        public Transaction startTransaction() {
            boolean grouped = CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root().resources().containsKey(GROUP);
            return grouped ? NoTransactionManager.INSTANCE.startTransaction() : transactions.startTransaction();
        }
    }
}
