package dev.eskit.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import dev.eskit.support.H2Test;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers leave in one piece with their length; one larger than Tomcat's buffer still arrives whole. */
@H2Test
class OneWriteResponsesOnH2Test extends ApiTest {

    @Test
    void aCreatedEntityIsAnsweredWithItsLengthNotInChunks() {
        Response created = api.post(Role.WRITER, "/api/v1/entities/" + uniquePartition(), Map.of("n", 1));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Transfer-Encoding")).isNull();
        assertThat(created.header("Content-Length")).isEqualTo(Integer.toString(created.text().getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void anAnswerLargerThanTheBufferArrivesWhole() {
        String note = "x".repeat(40_000);
        Response created = api.post(Role.WRITER, "/api/v1/entities/" + uniquePartition(), Map.of("note", note));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("data").get("note").asString()).isEqualTo(note);
    }
}
