package dev.eskit.console;

import dev.eskit.support.PostgresTest;

@PostgresTest
class ConsolePagesOnPostgresTest extends ConsolePagesTests {
}
