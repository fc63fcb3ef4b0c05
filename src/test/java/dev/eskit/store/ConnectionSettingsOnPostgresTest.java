package dev.eskit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the postgres profile sets on each pooled connection (application-postgres.yml). */
@PostgresTest
class ConnectionSettingsOnPostgresTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void plansNoParallelWorkers() {
        assertThat(jdbc.queryForObject("SHOW max_parallel_workers_per_gather", String.class)).isEqualTo("0");
    }
}
