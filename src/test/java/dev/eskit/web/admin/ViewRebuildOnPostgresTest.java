package dev.eskit.web.admin;

import dev.eskit.support.PostgresTest;

@PostgresTest
class ViewRebuildOnPostgresTest extends ViewRebuildTests {
}
