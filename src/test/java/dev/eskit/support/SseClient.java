package dev.eskit.support;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Reads a server-sent event stream on a background thread, one message at a time. */
public final class SseClient implements AutoCloseable {

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final Thread reader;

    public SseClient(Api api, HttpRequest.Builder request) {
        this.response = api.lines(request.header("Accept", "text/event-stream"));
        this.reader = new Thread(this::read, "sse-test-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public int status() {
        return response.statusCode();
    }

    /** The next message with data, or null when none arrives within {@code timeout}. */
    public Message next(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void read() {
        String id = null;
        StringBuilder data = new StringBuilder();
        try {
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                } else if (line.isEmpty() && !data.isEmpty()) {
                    messages.add(new Message(id, Api.JSON.readTree(data.toString())));
                    id = null;
                    data.setLength(0);
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }

    /** One SSE message: its id (a cursor) and its data (an event). */
    public record Message(String id, JsonNode data) {
    }
}
