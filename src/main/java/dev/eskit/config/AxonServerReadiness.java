package dev.eskit.config;

import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether this instance holds a working connection to Axon Server's context: the {@code axonServer}
 * member of readiness under the {@code axonserver} profile. Axon's own indicator is written for Spring
 * Boot 3 and never registers on Boot 4, so readiness stayed UP while every call answered 503. A
 * server that refuses the token looks the same from here as one that is away (the connector keeps
 * retrying either way), so the log line that marks the change names both causes and the setting.
 */
@Component("axonServer")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class AxonServerReadiness implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(AxonServerReadiness.class);

    private final AxonServerConnectionManager connections;
    private final AxonServerConfiguration configuration;
    private final AtomicBoolean wasConnected = new AtomicBoolean(true);

    AxonServerReadiness(AxonServerConnectionManager connections, AxonServerConfiguration configuration) {
        this.connections = connections;
        this.configuration = configuration;
    }

    @Override
    public Health health() {
        String context = configuration.getContext();
        boolean connected = connections.isConnected(context);
        if (wasConnected.getAndSet(connected) != connected) {
            if (connected) {
                log.info("connected to Axon Server at {}, context {}: ready", configuration.getServers(), context);
            } else {
                log.error("not connected to Axon Server at {}, context {}: not ready, and writes answer 503. Either the server "
                        + "is out of reach, or it refuses this application's token: check axon.axonserver.token "
                        + "(AXONSERVER_TOKEN) against the server's axoniq.axonserver.accesscontrol.token", configuration.getServers(), context);
            }
        }
        Health.Builder health = connected ? Health.up() : Health.down();
        return health.withDetail("servers", configuration.getServers()).withDetail("context", context).build();
    }
}
