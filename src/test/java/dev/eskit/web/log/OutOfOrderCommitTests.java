package dev.eskit.web.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.commands.api.StreamEventAppended;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case cursors exist for: a transaction takes a log position, a later one commits first, and a
 * reader pages past it. The earlier event must still reach that reader, after it commits.
 */
abstract class OutOfOrderCommitTests extends ApiTest {

    @Autowired
    private EventStorageEngine storage;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aReaderPagingWithCursorsReceivesAnEventThatCommittedAfterALaterOne() throws Exception {
        String p = uniquePartition();
        String start = endCursor();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slowWriter = CompletableFuture.runAsync(() ->
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    storage.appendEvents(new GenericDomainEventMessage<>("Stream", "slow-" + p, 0,
                            new StreamEventAppended("slow-" + p, "slow", p + ".Slow", JsonMapper.shared().createObjectNode(),
                                    JsonMapper.shared().createObjectNode())));
                    inserted.countDown();
                    await(release);
                }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        appendOk(uniqueStream(), null, List.of(event("fast", p + ".Fast", Map.of())));

        var firstPage = api.get(Role.READER, "/api/v1/log?selector=" + p + ".*&after=" + start).json();
        assertThat(texts(firstPage.get("entries"), "id")).containsExactly("fast");

        release.countDown();
        slowWriter.get(10, TimeUnit.SECONDS);
        var secondPage = api.get(Role.READER, "/api/v1/log?selector=" + p + ".*&after=" + firstPage.get("cursor").asString()).json();

        assertThat(texts(secondPage.get("entries"), "id")).containsExactly("slow");
        assertThat(secondPage.get("entries").get(0).get("position").asLong())
                .isLessThan(firstPage.get("entries").get(0).get("position").asLong());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
