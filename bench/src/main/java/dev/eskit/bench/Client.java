package dev.eskit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPatch;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product's HTTP API as a client uses it: Basic authentication, JSON, a status it expects. Apache
 * HttpClient's blocking client, one pooled keep-alive connection per client thread: the load runs on
 * the product's machine, and the JDK's client spent as much CPU per create as the product itself
 * (0.5 ms against 0.17 ms for this one, 16 clients on W1).
 */
final class Client {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ContentType MERGE_PATCH = ContentType.create("application/merge-patch+json", StandardCharsets.UTF_8);
    /** More than any scenario's clients, so that no request waits for a connection. */
    private static final int CONNECTIONS = 256;

    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(CONNECTIONS).setMaxConnPerRoute(CONNECTIONS)
                    .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).build())
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(60, TimeUnit.SECONDS).build())
            .disableAutomaticRetries()
            .disableCookieManagement()
            .build();
    private final String base;
    private final String authorization;

    Client(String base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The product's address, such as {@code http://127.0.0.1:8080}. */
    String base() {
        return base;
    }

    /** The value of the Authorization header the harness's account sends. */
    String authorization() {
        return authorization;
    }

    JsonNode get(String path) throws IOException {
        return JSON.readTree(getText(path));
    }

    String getText(String path) throws IOException {
        return send(authorized(new HttpGet(base + path)), 200);
    }

    JsonNode post(String path, String json, int expected) throws IOException {
        HttpPost post = authorized(new HttpPost(base + path));
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return JSON.readTree(send(post, expected));
    }

    JsonNode patch(String path, String mergePatch, long version) throws IOException {
        HttpPatch patch = authorized(new HttpPatch(base + path));
        patch.setHeader("If-Match", "\"" + version + "\"");
        patch.setEntity(new StringEntity(mergePatch, MERGE_PATCH));
        return JSON.readTree(send(patch, 200));
    }

    /**
     * The status alone, without credentials, for polling an open resource that may not answer yet
     * (credentials of an account the server does not have would be refused even there).
     */
    int status(String path) {
        HttpGet get = new HttpGet(base + path);
        get.setConfig(RequestConfig.custom().setResponseTimeout(5, TimeUnit.SECONDS).build());
        try {
            return http.execute(get, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        } catch (IOException notListening) {
            return 0;
        }
    }

    private <T extends HttpUriRequestBase> T authorized(T request) {
        request.setHeader("Authorization", authorization);
        return request;
    }

    private String send(HttpUriRequestBase request, int expected) throws IOException {
        return http.execute(request, response -> {
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (response.getCode() != expected) {
                throw new IllegalStateException(request.getMethod() + " " + request.getRequestUri() + " answered "
                        + response.getCode() + ", not " + expected + ": " + body);
            }
            return body;
        });
    }
}
