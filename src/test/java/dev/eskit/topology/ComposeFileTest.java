package dev.eskit.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} cannot be started here (no Docker engine), so it is checked the way
 * compose would read it: every service is built or pulled and health-checked, every dependency,
 * volume and mounted file exists, only what a user opens is published, and every setting the
 * application reads in its compose profiles is wired.
 */
class ComposeFileTest {

    private static final List<String> APP_PROFILE_FILES = List.of("application.yml", "application-prod.yml",
            "application-postgres.yml", "application-axonserver.yml", "application-elk.yml");
    private static final Set<String> PUBLISHED = Set.of("app", "axonserver", "kafka", "kibana", "grafana", "prometheus");

    @Test
    void everyLongRunningServiceHasAnImageOrBuildAndAHealthCheck() {
        Compose.services().forEach((name, definition) -> {
            Map<String, Object> service = Compose.map(definition);
            assertThat(service.containsKey("image") || service.containsKey("build")).as(name + " has an image or a build").isTrue();
            if (!oneShot(name)) {
                assertThat(Compose.strings(Compose.map(service.get("healthcheck")).get("test"))).as(name + "'s health check").isNotEmpty();
            }
        });
    }

    @Test
    void dependenciesNameExistingServicesWithAConditionTheyCanMeet() {
        Compose.services().forEach((name, definition) -> Compose.map(Compose.map(definition).get("depends_on")).forEach((target, how) -> {
            assertThat(Compose.services()).as(name + " depends on " + target).containsKey(target);
            String condition = String.valueOf(Compose.map(how).get("condition"));
            assertThat(condition).isIn("service_healthy", "service_started", "service_completed_successfully");
            if (condition.equals("service_healthy")) {
                assertThat(Compose.service(target)).as(target + " has a health check").containsKey("healthcheck");
            }
            if (condition.equals("service_completed_successfully")) {
                assertThat(oneShot(target)).as(target + " is a one-shot job").isTrue();
            }
        }));
    }

    @Test
    void namedVolumesAreDeclaredAndMountedFilesExist() {
        Set<String> declared = Compose.map(Compose.yaml("docker-compose.yml").get("volumes")).keySet();
        Set<String> used = new HashSet<>();
        Compose.services().forEach((name, definition) -> Compose.strings(Compose.map(definition).get("volumes")).forEach(volume -> {
            String source = volume.split(":")[0];
            if (source.startsWith("./")) {
                // ./certs is made by scripts/dev-certificate.sh, or holds a CA-issued certificate
                if (!source.equals("./certs")) {
                    assertThat(Files.exists(Compose.ROOT.resolve(source))).as(name + " mounts " + source).isTrue();
                }
            } else {
                assertThat(declared).as(name + "'s volume " + source).contains(source);
                used.add(source);
            }
        }));
        assertThat(used).as("every declared volume is used").containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void publishesOnlyWhatAUserOpensAndOnlyOnLoopback() {
        Set<String> publishing = new TreeSet<>();
        Compose.services().forEach((name, definition) -> Compose.strings(Compose.map(definition).get("ports")).forEach(port -> {
            assertThat(port).as(name + " publishes on 127.0.0.1 only").startsWith("127.0.0.1:");
            publishing.add(name);
        }));
        assertThat(publishing).containsExactlyInAnyOrderElementsOf(PUBLISHED);
    }

    @Test
    void theApplicationGetsEverySettingItsProfilesRead() {
        Map<String, String> environment = Compose.environment("app");
        assertThat(environment.get("SPRING_PROFILES_ACTIVE").split(",")).containsExactly("prod", "postgres", "axonserver", "elk");
        for (String file : APP_PROFILE_FILES) {
            Compose.placeholders("src/main/resources/" + file).forEach((variable, hasDefault) -> {
                if (!hasDefault) {
                    assertThat(environment).as(file + " reads " + variable).containsKey(variable);
                }
            });
        }
        assertThat(environment).containsKeys("ESKIT_DB_URL", "ESKIT_DB_USER", "AXONSERVER_SERVERS", "AXONSERVER_CONTEXT",
                "KAFKA_BOOTSTRAP_SERVERS", "LOGSTASH_DESTINATION", "ESKIT_KAFKA_ENABLED");
        assertThat(environment.get("ESKIT_DB_URL")).contains("//postgres:5432/");
        assertThat(environment.get("AXONSERVER_SERVERS")).isEqualTo("axonserver:8124");
        assertThat(environment.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        assertThat(environment.get("ESKIT_TLS_CERTIFICATE")).isEqualTo("file:/certs/eskit.crt");
        assertThat(environment.get("ESKIT_TLS_PRIVATE_KEY")).isEqualTo("file:/certs/eskit.key");
        assertThat(Compose.text("scripts/dev-certificate.sh")).contains("$dir/eskit.crt").contains("$dir/eskit.key").contains("DNS:app");
    }

    @Test
    void theApplicationPublishesHttpsAndIsCheckedOnItsInternalPort() {
        Map<String, Object> app = Compose.service("app");
        assertThat(Compose.strings(app.get("ports"))).singleElement().asString().endsWith(":8443");
        assertThat(Compose.text("src/main/resources/application-prod.yml")).contains("${PORT:8443}").contains("${MANAGEMENT_PORT:8081}");
        assertThat(String.join(" ", Compose.strings(Compose.map(app.get("healthcheck")).get("test"))))
                .contains("/dev/tcp/127.0.0.1/8081").contains("/actuator/health/readiness");
        assertThat(Compose.map(app.get("deploy")).get("replicas")).isEqualTo(2);
    }

    @Test
    void everyRequiredSecretHasAnEntryInTheExampleEnvironment() {
        Matcher required = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(Compose.text("docker-compose.yml"));
        String example = Compose.text(".env.example");
        while (required.find()) {
            assertThat(example).as(".env.example names " + required.group(1)).containsPattern("(?m)^" + required.group(1) + "=");
        }
    }

    @Test
    void axonServerRunsWithoutDevModeWithAccessControlAndItsDataOnVolumes() {
        String properties = Compose.text("axonserver/axonserver.properties");
        assertThat(properties).contains("axoniq.axonserver.devmode.enabled=false")
                .contains("axoniq.axonserver.accesscontrol.enabled=true")
                .contains("axoniq.axonserver.accesscontrol.token=${AXONSERVER_TOKEN}")
                .as("Axon Server SE refuses to start with access control on and no admin token")
                .contains("axoniq.axonserver.accesscontrol.admin-token=${AXONSERVER_ADMIN_TOKEN}");
        assertThat(Compose.environment("axonserver")).containsKeys("AXONSERVER_TOKEN", "AXONSERVER_ADMIN_TOKEN");
        List<String> mounts = Compose.strings(Compose.service("axonserver").get("volumes"));
        for (String path : List.of("/axonserver/events", "/axonserver/data", "/axonserver/log")) {
            assertThat(properties).contains("=" + path);
            assertThat(mounts).anyMatch(mount -> mount.endsWith(":" + path));
        }
        assertThat(mounts).contains("./axonserver/axonserver.properties:/axonserver/config/axonserver.properties:ro");
    }

    private static boolean oneShot(String service) {
        return "no".equals(String.valueOf(Compose.service(service).get("restart")));
    }
}
