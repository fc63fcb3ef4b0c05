package dev.eskit.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configs that compose mounts into Prometheus, Grafana, Logstash and Kibana agree with the
 * application and with each other: the scrape reaches every replica's management port, the log
 * pipeline listens where the application sends and writes where the index template and the data
 * view look, and every saved object's reference resolves.
 */
class ObservabilityConfigTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void prometheusScrapesEveryReplicaOnTheManagementPort() {
        Map<String, Object> job = Compose.map(((List<?>) Compose.yaml("modules/metrics/prometheus/prometheus.yml")
                .get("scrape_configs")).get(0));
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        Map<String, Object> discovery = Compose.map(((List<?>) job.get("dns_sd_configs")).get(0));
        assertThat(Compose.strings(discovery.get("names"))).containsExactly("app");
        assertThat(discovery.get("port")).isEqualTo(8081);
        assertThat(Compose.services()).containsKey("app");
        assertThat(Compose.strings(Compose.service("prometheus").get("volumes")))
                .contains("./modules/metrics/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    void grafanaFindsItsDashboardsAndPrometheus() {
        String dashboardsPath = String.valueOf(Compose.map(((List<?>) Compose.yaml(
                "modules/metrics/grafana/provisioning/dashboards/eskit.yml").get("providers")).get(0)).get("options"))
                .replaceAll(".*path=([^,}]+).*", "$1");
        assertThat(Compose.strings(Compose.service("grafana").get("volumes")))
                .contains("./modules/metrics/grafana/dashboards:" + dashboardsPath + ":ro")
                .contains("./modules/metrics/grafana/provisioning:/etc/grafana/provisioning:ro");
        Map<String, Object> datasource = Compose.map(((List<?>) Compose.yaml(
                "modules/metrics/grafana/provisioning/datasources/prometheus.yml").get("datasources")).get(0));
        assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
    }

    @Test
    void logstashListensWhereTheApplicationSendsAndWritesWhereKibanaLooks() {
        String pipeline = Compose.text("elk/logstash/pipeline/eskit.conf");
        String destination = Compose.environment("app").get("LOGSTASH_DESTINATION");
        assertThat(destination).isEqualTo("logstash:" + first(pipeline, "tcp \\{[^}]*port => (\\d+)"));
        assertThat(first(pipeline, "codec => (\\w+)")).isEqualTo("json_lines");
        assertThat(Compose.text("src/main/resources/logback-spring.xml")).contains("LogstashTcpSocketAppender");
        assertThat(first(pipeline, "hosts => \\[\"http://([a-z]+):9200\"]")).isEqualTo("elasticsearch");
        assertThat(Compose.environment("logstash")).containsKey(first(pipeline, "password => \"\\$\\{([A-Z_]+)}\""));

        String index = first(pipeline, "index => \"([a-z-]+)-%");
        JsonNode template = JSON.readTree(Compose.text("elk/elasticsearch/index-template.json"));
        assertThat(template.get("index_patterns").get(0).asString()).isEqualTo(index + "-*");
        JsonNode role = JSON.readTree(Compose.text("elk/elasticsearch/logstash-writer-role.json"));
        assertThat(role.get("indices").get(0).get("names").get(0).asString()).isEqualTo(index + "-*");
        assertThat(template.at("/template/mappings/properties/requestId/type").asString()).isEqualTo("keyword");
        assertThat(dataView().at("/attributes/title").asString()).isEqualTo(index + "-*");
    }

    @Test
    void kibanaSavedObjectsResolveEveryReferenceAndSearchByCorrelationId() {
        List<JsonNode> objects = savedObjects();
        Set<String> ids = new HashSet<>();
        objects.forEach(object -> ids.add(object.get("type").asString() + ":" + object.get("id").asString()));
        for (JsonNode object : objects) {
            object.get("references").forEach(reference ->
                    assertThat(ids).as(object.get("id") + " refers to " + reference).contains(
                            reference.get("type").asString() + ":" + reference.get("id").asString()));
        }
        assertThat(ids).contains("index-pattern:eskit-logs", "search:eskit-requests-by-correlation-id",
                "dashboard:eskit-logs-dashboard");
        JsonNode search = objects.stream().filter(object -> object.get("type").asString().equals("search")).findFirst().orElseThrow();
        assertThat(search.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON").asString()).contains("requestId");
        assertThat(Compose.text("elk/setup.sh")).contains("/elk/kibana/saved-objects.ndjson")
                .contains("/elk/elasticsearch/index-template.json").contains("/elk/elasticsearch/logstash-writer-role.json");
    }

    private static JsonNode dataView() {
        return savedObjects().stream().filter(object -> object.get("type").asString().equals("index-pattern")).findFirst().orElseThrow();
    }

    private static List<JsonNode> savedObjects() {
        return Compose.text("elk/kibana/saved-objects.ndjson").lines().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
    }

    private static String first(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("/" + regex + "/ in the pipeline").isTrue();
        return matcher.group(1);
    }
}
