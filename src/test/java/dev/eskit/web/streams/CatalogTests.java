package dev.eskit.web.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The listings of section 8 (GET /streams, /partitions, /event-types), from the catalog view. */
abstract class CatalogTests extends ApiTest {

    @Test
    void listsStreamsByPrefixAndPartitionInIdOrderPagedWithCursors() {
        String prefix = "cat-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String p = uniquePartition();
        String q = uniquePartition();
        appendOk(prefix + "b", null, List.of(event(p + ".Created", Map.of())));
        appendOk(prefix + "a", null, List.of(event(p + ".Created", Map.of()), event(p + ".Renamed", Map.of())));
        appendOk(prefix + "c", null, List.of(event(q + ".Created", Map.of())));
        appendOk(prefix.replace("-", "_") + "x", null, List.of(event(q + ".Created", Map.of())));
        appendOk(prefix + "b", null, List.of(event(p + ".Renamed", Map.of()), event(p + ".Renamed", Map.of())));

        JsonNode first = api.get(Role.READER, "/api/v1/streams?limit=2&prefix=" + prefix).json();
        assertThat(texts(first.get("items"), "streamId")).containsExactly(prefix + "a", prefix + "b");
        assertThat(first.get("items").get(1).get("partition").asString()).isEqualTo(p);
        assertThat(first.get("items").get(1).get("version").asLong()).isEqualTo(3);
        assertThat(first.get("items").get(1).get("updatedAt").asString())
                .isEqualTo(api.get(Role.READER, "/api/v1/streams/" + prefix + "b").json().get("updatedAt").asString());
        JsonNode rest = api.get(Role.READER, "/api/v1/streams?limit=2&prefix=" + prefix + "&cursor=" + first.get("next").asString()).json();
        assertThat(texts(rest.get("items"), "streamId")).containsExactly(prefix + "c");
        assertThat(rest.get("next").isNull()).isTrue();

        assertThat(texts(api.get(Role.READER, "/api/v1/streams?prefix=" + prefix + "&partition=" + q).json().get("items"), "streamId"))
                .containsExactly(prefix + "c");
        assertThat(texts(api.get(Role.READER, "/api/v1/streams?partition=" + q).json().get("items"), "streamId"))
                .containsExactlyInAnyOrder(prefix + "c", prefix.replace("-", "_") + "x");
    }

    /** Code point order on both stores, whatever the database's locale: digits, capitals, then small letters, punctuation between. */
    @Test
    void listsStreamIdsInCodePointOrder() {
        String prefix = "order-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String p = uniquePartition();
        for (String id : List.of("b", "~", "B", "a", "_", "A", "9")) {
            appendOk(prefix + id, null, List.of(event(p + ".Created", Map.of())));
        }
        assertThat(texts(api.get(Role.READER, "/api/v1/streams?prefix=" + prefix).json().get("items"), "streamId"))
                .containsExactly(prefix + "9", prefix + "A", prefix + "B", prefix + "_", prefix + "a", prefix + "b", prefix + "~");
    }

    @Test
    void countsEventsAndStreamsPerPartitionAndEventsPerType() {
        String p = uniquePartition();
        appendOk(uniqueStream(), null, List.of(event(p + ".Created", Map.of()), event(p + ".Renamed", Map.of())));
        appendOk(uniqueStream(), null, List.of(event(p + ".Created", Map.of())));

        JsonNode partition = find("/api/v1/partitions", p);
        assertThat(partition.get("count").asLong()).isEqualTo(3);
        assertThat(partition.get("streams").asLong()).isEqualTo(2);
        assertThat(find("/api/v1/event-types", p + ".Created").get("count").asLong()).isEqualTo(2);
        assertThat(find("/api/v1/event-types", p + ".Renamed").get("count").asLong()).isEqualTo(1);
    }

    /**
     * Both segments of the catalog count into the same partition and type rows; batches that met the
     * partitions in opposite orders once deadlocked the two, and a count then went to the dead letters.
     */
    @Test
    void countsConcurrentAppendsToSharedPartitionsExactly() throws Exception {
        String p = uniquePartition();
        String q = uniquePartition();
        int writers = 8;
        int requestsEach = 20;
        int streamsPerRequest = 20;
        Set<String> streams = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < requestsEach; i++) {
                        // one atomic append over streams of both partitions, in an order that alternates
                        List<Map<String, Object>> appends = new ArrayList<>();
                        for (int s = 0; s < streamsPerRequest; s++) {
                            String partition = (writer + i + s) % 2 == 0 ? p : q;
                            String stream = uniqueStream();
                            streams.add(stream);
                            appends.add(streamAppend(stream, "no_stream", event(partition + ".Created", Map.of())));
                        }
                        assertThat(api.post(Role.WRITER, "/api/v1/appends", Map.of("appends", appends)).status()).isEqualTo(201);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long appends = (long) writers * requestsEach * streamsPerRequest / 2;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(find("/api/v1/partitions", p).get("count").asLong()).isEqualTo(appends);
            assertThat(find("/api/v1/partitions", q).get("count").asLong()).isEqualTo(appends);
            assertThat(find("/api/v1/event-types", q + ".Created").get("count").asLong()).isEqualTo(appends);
        });
        assertThat(find("/api/v1/partitions", q).get("streams").asLong()).isEqualTo(appends);
        assertThat(api.get(Role.ADMIN, "/api/v1/admin/dead-letters").json().valueStream()
                .filter(letter -> streams.contains(letter.get("sequence").asString()))).isEmpty();
    }

    @Test
    void refusesBadListingParameters() {
        for (String path : List.of("/api/v1/streams?cursor=%25%25", "/api/v1/streams?limit=0", "/api/v1/streams?limit=1001",
                "/api/v1/partitions?cursor=not*base64", "/api/v1/event-types?limit=x", "/api/v1/streams?prefix=" + "p".repeat(201))) {
            Response response = api.get(Role.READER, path);
            assertThat(response.status()).as(path + " → " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.get(Role.NONE, "/api/v1/partitions").status()).isEqualTo(401);
    }

    /** Pages through a listing by name until it finds {@code name}. */
    private JsonNode find(String listing, String name) {
        String cursor = null;
        List<String> seen = new ArrayList<>();
        do {
            JsonNode page = api.get(Role.READER, listing + (cursor == null ? "" : "?cursor=" + cursor)).json();
            for (JsonNode item : page.get("items")) {
                if (item.get("name").asString().equals(name)) {
                    return item;
                }
                seen.add(item.get("name").asString());
            }
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        } while (cursor != null);
        throw new AssertionError(name + " is not listed in " + listing + ": " + seen.size() + " names");
    }
}
