package org.safesessions.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server-sent events client over a real HTTP connection, as a browser's EventSource reads a stream: events
 * ({@code id}, {@code data}) and comments; {@link #close()} drops the connection.
 */
final class SseClient implements AutoCloseable {

    record Event(String id, String data) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    final AtomicInteger comments = new AtomicInteger();
    final int status;
    final String contentType;
    final String body;

    private final HttpClient http;
    private final InputStream in;

    private SseClient(HttpClient http, HttpResponse<InputStream> response) throws IOException {
        this.http = http;
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.in = response.body();
        if (status != 200) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return;
        }
        body = null;
        Thread.ofVirtual().start(this::read);
    }

    /** Opens the stream, sending {@code lastEventId} as the Last-Event-ID header unless null. */
    static SseClient open(URI stream, String lastEventId) throws Exception {
        // HTTP/1.1, as an EventSource usually speaks it: closing drops the connection itself, not one HTTP/2 stream
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseClient(http, http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    /** The id of the last event received (what an EventSource sends back on reconnect). */
    String lastEventId() {
        return events.isEmpty() ? null : events.getLast().id();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, data.toString()));
                    }
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // the connection was dropped
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // already closed
        }
        http.shutdownNow();
    }
}
