package dev.eskit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eskit.examples.metrics.MetricsConsumer;
import dev.eskit.support.Api.Role;
import dev.eskit.support.GrpcApiTest;
import dev.eskit.support.H2Test;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;

/** The metrics consumer's counts equal the events written, by partition and type, and its lag reaches 0. */
@H2Test
class MetricsConsumerTest extends GrpcApiTest {

    @LocalGrpcServerPort
    private int grpcPort;

    @Test
    void countsEveryEventByPartitionAndTypeAndReportsItsLag() throws Exception {
        String partition = uniquePartition();
        for (int i = 0; i < 7; i++) {
            appendOk(uniqueStream(), null, List.of(event(partition + ".Opened", Map.of()), event(partition + ".Closed", Map.of())));
        }
        appendOk(uniqueStream(), null, List.of(event(partition + ".Opened", Map.of())));
        String name = "metrics-" + partition;

        try (MetricsConsumer metrics = new MetricsConsumer(new MetricsConsumer.Settings("localhost", grpcPort, null, "writer",
                "writer-dev", name, 0))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String scrape = scrape(metrics.port());
                assertThat(count(scrape, partition, partition + ".Opened")).isEqualTo(8);
                assertThat(count(scrape, partition, partition + ".Closed")).isEqualTo(7);
                assertThat(scrape).containsPattern("eskit_client_consumer_lag\\{consumer=\"" + name + "\"} 0\\.0");
                assertThat(api.get(Role.READER, "/api/v1/consumers/" + name).json().path("lag").asLong(-1)).isZero();
            });
        }
    }

    private static double count(String scrape, String partition, String type) {
        Matcher sample = Pattern.compile("eskit_consumer_events_total\\{partition=\"" + partition + "\",type=\""
                + Pattern.quote(type) + "\"} (\\S+)").matcher(scrape);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    private static String scrape(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
