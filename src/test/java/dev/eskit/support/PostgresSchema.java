package dev.eskit.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Points a test context at a fresh schema of the local PostgreSQL {@code test} database (Flyway
 * creates it) and drops the schema when the context closes, so runs never see each other's data.
 */
public class PostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SERVER = System.getProperty("eskit.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("eskit.test.postgres-user", System.getProperty("user.name"));

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = "eskit_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestPropertyValues.of(
                "spring.datasource.url=" + SERVER + "?currentSchema=" + schema,
                "spring.datasource.username=" + USER,
                "spring.flyway.schemas=" + schema,
                "spring.flyway.create-schemas=true").applyTo(context);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                drop(schema);
            }
        });
    }

    /** Drops a test schema and everything in it. */
    public static void drop(String schema) {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }
}
