package dev.eskit.web.log;

import dev.eskit.support.PostgresTest;

@PostgresTest
class LogCompletenessOnPostgresTest extends LogCompletenessTests {
}
