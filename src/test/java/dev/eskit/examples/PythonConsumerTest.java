package dev.eskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eskit.support.H2Test;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Python consumer's own unittest suite, run by python3 against this test instance. */
@H2Test
class PythonConsumerTest {

    @LocalServerPort
    private int port;

    @Test
    void itsUnitTestsPassAgainstTheProduct() throws IOException, InterruptedException {
        ProcessBuilder python = new ProcessBuilder("python3", "-m", "unittest", "-v")
                .directory(Path.of("..", "examples", "python-consumer").toFile())
                .redirectErrorStream(true);
        python.environment().put("ESKIT_URL", "http://localhost:" + port);
        python.environment().put("ESKIT_USER", "writer");
        python.environment().put("ESKIT_PASSWORD", "writer-dev");
        python.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = python.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Ran 4 tests").contains("OK");
    }
}
