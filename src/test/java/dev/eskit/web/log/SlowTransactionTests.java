package dev.eskit.web.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.commands.api.entity.EntityCreated;
import dev.eskit.commands.api.entity.EntityStreams;
import dev.eskit.processing.api.EventProcessors;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import dev.eskit.support.Scrape;
import dev.eskit.support.SseClient;
import dev.eskit.support.TopicReader;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An append whose transaction stays open while 20,000 later events commit, then commits: every
 * reader of the log receives its event exactly once. Axon's own tokens would have dropped it once
 * 10,000 later positions had passed.
 */
abstract class SlowTransactionTests extends ApiTest {

    private static final int LATER_EVENTS = 20_000;
    private static final int EVENTS_PER_APPEND = 100;

    @Autowired
    private EventStore store;
    @Autowired
    private TransactionManager transactions;
    @Autowired
    private EventProcessors processors;
    /** This context's broker: the system property that names one names the last broker started in this JVM. */
    @Autowired
    private EmbeddedKafkaBroker broker;

    @Test
    void everyReaderReceivesTheEventOfATransactionThatCommitsAfterTwentyThousandLaterOnes() throws Exception {
        String p = uniquePartition();
        String slowId = "slow-" + UUID.randomUUID();
        String start = endCursor();
        try (SseClient follower = new SseClient(api, api.request(Role.READER, "/api/v1/log/stream?selector=" + p + ".*&after=" + start));
             TopicReader topics = new TopicReader(broker.getBrokersAsString())) {
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> slowWriter = CompletableFuture.runAsync(() -> {
                // published as a command handler's events are, so that every consumer of the store sees it
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                unitOfWork.attachTransaction(transactions);
                store.publish(new GenericDomainEventMessage<>("Entity", EntityStreams.entity(p, slowId), 0,
                        new EntityCreated(p, slowId, JsonMapper.shared().createObjectNode().put("slow", true)),
                        Map.of(), slowId, Instant.now()));
                // after the store's own step of this phase, which inserts the event: the transaction stays open with it
                unitOfWork.onPrepareCommit(inserting -> {
                    inserted.countDown();
                    awaitQuietly(release);
                });
                unitOfWork.commit();
            });
            assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();

            appendLaterEvents(p);
            LogReader reader = new LogReader(start, p);
            await().atMost(Duration.ofMinutes(2)).until(() -> reader.readAll() >= LATER_EVENTS);
            assertThat(reader.ids).doesNotContain(slowId);

            release.countDown();
            slowWriter.get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(30)).until(() -> reader.readAll() > LATER_EVENTS);
            assertThat(reader.readAll()).isEqualTo(LATER_EVENTS + 1);
            assertThat(reader.ids).containsOnlyOnce(slowId).doesNotHaveDuplicates();
            long slowPosition = reader.positionOf(slowId);
            assertThat(slowPosition).isLessThan(reader.positionOf(reader.ids.get(0)));

            List<String> followed = new ArrayList<>();
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                for (SseClient.Message message = follower.next(Duration.ofMillis(200)); message != null;
                     message = follower.next(Duration.ofMillis(200))) {
                    followed.add(message.data().get("id").asString());
                }
                return followed.contains(slowId) && followed.size() >= LATER_EVENTS + 1;
            });
            assertThat(followed).hasSize(LATER_EVENTS + 1).containsOnlyOnce(slowId).doesNotHaveDuplicates();

            for (String processor : processors.names()) {
                assertThat(processors.awaitProcessed(processor, slowPosition, Duration.ofMinutes(1)))
                        .as("%s has handled position %d", processor, slowPosition).isTrue();
            }
            assertThat(api.get(Role.READER, "/api/v1/entities/" + p + "/" + slowId).json().get("data").get("slow").asBoolean())
                    .isTrue();
            assertThat(Scrape.of(api).value("eskit_events_store_total", Map.of("partition", p, "type", p + ".Created")))
                    .hasValue(1.0);

            await().atMost(Duration.ofMinutes(1)).until(() -> onTopic(topics, p).size() >= LATER_EVENTS + 1);
            List<String> published = onTopic(topics, p).stream().map(record -> record.value().getId()).toList();
            assertThat(published).hasSize(LATER_EVENTS + 1).containsOnlyOnce(slowId).doesNotHaveDuplicates();
        }
    }

    /** The later events: appends of 100 to streams of their own, four at a time, each acknowledged. */
    private void appendLaterEvents(String p) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> appends = IntStream.range(0, LATER_EVENTS / EVENTS_PER_APPEND)
                    .mapToObj(i -> CompletableFuture.runAsync(() -> appendOk(uniqueStream(), "no_stream",
                            IntStream.range(0, EVENTS_PER_APPEND).mapToObj(n -> event(p + ".Later", Map.of("n", n))).toList()), writers))
                    .toList();
            CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        } finally {
            writers.shutdownNow();
        }
    }

    /** The records of the stream events' topic and of the entity type's topic. */
    private static List<ConsumerRecord<String, CloudEvent>> onTopic(TopicReader topics, String p) {
        Set<String> names = Set.of("eskit." + p.toLowerCase(), "eskit.entity." + p.toLowerCase());
        return topics.poll().stream().filter(record -> names.contains(record.topic())).toList();
    }

    /** A client paging the log with cursors, keeping what it received. */
    private final class LogReader {
        private final List<String> ids = new ArrayList<>();
        private final Map<String, Long> positions = new HashMap<>();
        private final String selector;
        private String cursor;

        LogReader(String start, String p) {
            this.cursor = start;
            this.selector = p + ".*";
        }

        int readAll() {
            while (true) {
                JsonNode page = api.get(Role.READER, "/api/v1/log?limit=1000&selector=" + selector + "&after=" + cursor).json();
                cursor = page.get("cursor").asString();
                page.get("entries").forEach(entry -> {
                    ids.add(entry.get("id").asString());
                    positions.put(entry.get("id").asString(), entry.get("position").asLong());
                });
                if (page.get("entries").isEmpty()) {
                    return ids.size();
                }
            }
        }

        long positionOf(String id) {
            return positions.get(id);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
