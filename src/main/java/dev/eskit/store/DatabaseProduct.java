package dev.eskit.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Which database a data source reaches, asked once at start-up: PostgreSQL or the embedded H2. */
public record DatabaseProduct(String name, String url) {

    public static DatabaseProduct of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return new DatabaseProduct(connection.getMetaData().getDatabaseProductName(), connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the application stores to", e);
        }
    }

    public boolean isPostgres() {
        return name.equals("PostgreSQL");
    }
}
