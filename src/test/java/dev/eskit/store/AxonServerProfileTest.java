package dev.eskit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.queries.api.StreamReader;
import dev.eskit.support.Api;
import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import java.util.List;
import java.util.Map;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The {@code axonserver} profile without a server: the context loads with the connector configured,
 * events, commands and queries go to Axon Server while tokens stay in the database, streams are read
 * through the event store with the position index, and a call that needs the unreachable server
 * answers 503 instead of failing obscurely.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:eskit-axonserver;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "axon.axonserver.servers=127.0.0.1:1",
        "axon.axonserver.token=test-token",
        "axon.axonserver.context=eskit-test",
        "eskit.security.dev-accounts=false",
        "eskit.security.users[0].name=reader",
        "eskit.security.users[0].password={noop}reader-test",
        "eskit.security.users[0].roles=reader",
        "eskit.security.users[1].name=writer",
        "eskit.security.users[1].password={noop}writer-test",
        "eskit.security.users[1].roles=writer"})
@ActiveProfiles("axonserver")
class AxonServerProfileTest {

    @Autowired
    private ApplicationContext context;
    @Autowired
    private AxonServerConfiguration axonServer;
    @LocalServerPort
    private int port;

    @Test
    void connectsToTheConfiguredServerAndContextWithItsToken() {
        assertThat(axonServer.isEnabled()).isTrue();
        assertThat(axonServer.getServers()).isEqualTo("127.0.0.1:1");
        assertThat(axonServer.getContext()).isEqualTo("eskit-test");
        assertThat(axonServer.getToken()).isEqualTo("test-token");
        assertThat(axonServer.getComponentName()).isEqualTo("eskit");
    }

    @Test
    void storesEventsAndRoutesMessagesThroughAxonServer() {
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(context.getBeanNamesForType(EventStorageEngine.class))
                .as("no storage engine in this process: a JDBC one would read an empty table").isEmpty();
    }

    @Test
    void keepsTokensInTheDatabaseAndReadsStreamsWithThePositionIndex() {
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(context.getBean(StreamReader.class)).isInstanceOf(IndexedStreamReader.class);
    }

    @Test
    void givesEveryProcessorEveryEventSoThatLagReachesZero() {
        assertThat(axonServer.isEventBlockListingEnabled()).isFalse();
    }

    @Test
    void isNotReadyWhileAxonServerIsOutOfReach() {
        Response readiness = new Api(port, false).get(Role.NONE, "/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
        assertThat(readiness.text()).contains("DOWN");
    }

    @Test
    void answers503WhileAxonServerIsOutOfReach() {
        Api api = new Api(port, false);
        for (Response response : List.of(api.get(Role.READER, "/api/v1/streams/s-1"),
                api.get(Role.READER, "/api/v1/log?limit=1"),
                api.post(Role.WRITER, "/api/v1/streams/s-1/events", Map.of("events", List.of(Map.of("type", "A.B", "data", Map.of())))))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.header("Retry-After")).isNotBlank();
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }
}
