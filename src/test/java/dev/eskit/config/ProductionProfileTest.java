package dev.eskit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.eskit.client.EskitClient;
import dev.eskit.grpc.v1.LogGrpc;
import dev.eskit.grpc.v1.LogPage;
import dev.eskit.grpc.v1.ReadLogRequest;
import dev.eskit.support.Grpc;
import dev.eskit.support.PostgresSchema;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile with the certificate that {@code scripts/dev-certificate.sh} makes: the API
 * answers HTTPS only and the gRPC port TLS only, a client that does not trust the certificate is
 * refused, and the actuator answers on its internal port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.password=ignored-by-trust-auth",
        "eskit.users.email-pepper=a-pepper-for-the-production-profile-test",
        "management.server.port=0"})
@ActiveProfiles({"prod", "postgres", "postgres-test"})
@ContextConfiguration(initializers = PostgresSchema.class)
class ProductionProfileTest {

    private static final Path CERTIFICATES = generateCertificate();

    @LocalServerPort
    private int port;
    @LocalManagementPort
    private int managementPort;
    @LocalGrpcServerPort
    private int grpcPort;

    @DynamicPropertySource
    static void useTheGeneratedCertificate(DynamicPropertyRegistry properties) {
        properties.add("spring.ssl.bundle.pem.eskit.keystore.certificate", () -> CERTIFICATES.resolve("eskit.crt").toUri().toString());
        properties.add("spring.ssl.bundle.pem.eskit.keystore.private-key", () -> CERTIFICATES.resolve("eskit.key").toUri().toString());
    }

    @Test
    void answersHttpsWithTheGeneratedCertificate() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(CERTIFICATES.resolve("eskit.crt"))).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/log?limit=1"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("reader:reader-test".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"head\"");
    }

    @Test
    void refusesPlainHttpOnTheApiPort() {
        HttpResponse<String> response = sendQuietly(HttpClient.newHttpClient(), "http://localhost:" + port + "/api/v1/log");
        // Tomcat answers a plain request on a TLS port with a 400 of its own, or the connection just closes
        if (response != null) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("\"entries\"");
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        HttpClient client = HttpClient.newHttpClient();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/log")).build(), BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void answersGrpcOverTlsWithTheSameCertificateAndRefusesPlaintext() throws Exception {
        ManagedChannel tls = NettyChannelBuilder.forAddress("localhost", grpcPort)
                .sslContext(GrpcSslContexts.forClient().trustManager(CERTIFICATES.resolve("eskit.crt").toFile()).build()).build();
        ManagedChannel plaintext = NettyChannelBuilder.forAddress("localhost", grpcPort).usePlaintext().build();
        try {
            LogPage page = reader(LogGrpc.newBlockingStub(tls)).read(ReadLogRequest.newBuilder().setLimit(1).build());
            assertThat(page.getCursor()).isNotEmpty();
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                    () -> reader(LogGrpc.newBlockingStub(plaintext)).read(ReadLogRequest.newBuilder().setLimit(1).build()));
            assertThat(refused).isNotNull();
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        } finally {
            tls.shutdownNow();
            plaintext.shutdownNow();
        }
    }

    @Test
    void theJavaClientSpeaksTlsTrustingTheCertificate() throws Exception {
        try (EskitClient client = EskitClient.builder("localhost", grpcPort).tls(CERTIFICATES.resolve("eskit.crt"))
                .basic("reader", "reader-test").build()) {
            assertThat(client.readLog(null, 1, null).cursor()).isNotEmpty();
        }
    }

    private static LogGrpc.LogBlockingStub reader(LogGrpc.LogBlockingStub stub) {
        return stub.withDeadlineAfter(30, TimeUnit.SECONDS)
                .withCallCredentials(Grpc.headers(Map.of(Grpc.AUTHORIZATION, Grpc.basicAuthorization("reader", "reader-test"))));
    }

    @Test
    void servesProbesAndMetricsOnTheInternalPort() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/health/readiness")).build(), BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build(), BodyHandlers.ofString());
        assertThat(metrics.body()).contains("eskit_log_head_position");
    }

    private static HttpResponse<String> sendQuietly(HttpClient client, String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("eskit", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static Path generateCertificate() {
        try {
            Path directory = Files.createTempDirectory("eskit-certs-");
            Process script = new ProcessBuilder("bash", "../scripts/dev-certificate.sh", directory.toString())
                    .inheritIO().start();
            if (script.waitFor() != 0) {
                throw new IllegalStateException("scripts/dev-certificate.sh failed");
            }
            return directory;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
