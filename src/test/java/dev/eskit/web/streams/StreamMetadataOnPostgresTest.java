package dev.eskit.web.streams;

import dev.eskit.support.PostgresTest;

@PostgresTest
class StreamMetadataOnPostgresTest extends StreamMetadataTests {
}
