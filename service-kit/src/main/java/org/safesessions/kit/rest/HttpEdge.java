package org.safesessions.kit.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.regex.Pattern;

/**
 * What the HTTP layer answers before Quarkus REST sees a request, as problem+json too: a body larger than
 * {@code quarkus.http.limits.max-body-size} (413, told by its Content-Length before it is read), and an
 * {@code Accept} or {@code Content-Type} header that does not parse (400; Quarkus REST would fail on it later with a
 * 500). An empty {@code Accept} means "anything" (RFC 9110 §12.5.1), so it is dropped rather than refused.
 */
@ApplicationScoped
public class HttpEdge {

    /** Runs before Quarkus' own body-size check (priority 100 and below are Quarkus' defaults). */
    static final int PRIORITY = 10_000;

    // type "/" subtype, then ;-parameters; a list of them for Accept. Tokens per RFC 9110 §5.6.2.
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String PARAMETER = "\\s*;\\s*" + TOKEN + "\\s*=\\s*(" + TOKEN + "|\"([^\"\\\\]|\\\\.)*\")";
    private static final String MEDIA_RANGE = "\\s*" + TOKEN + "/" + TOKEN + "(" + PARAMETER + ")*\\s*";
    static final Pattern MEDIA_TYPE = Pattern.compile(MEDIA_RANGE);
    static final Pattern ACCEPT = Pattern.compile(MEDIA_RANGE + "(," + MEDIA_RANGE + ")*");

    /** Discarding more than this of a refused body is not worth it: the connection is closed instead. */
    private static final long DRAIN_AT_MOST = 64L * 1024 * 1024;

    private final long maxBodySize = ConfigProvider.getConfig()
            .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
            .map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.isBlank()) {
            request.headers().remove(HttpHeaders.ACCEPT);
        } else if (accept != null && !ACCEPT.matcher(accept).matches()) {
            refuse(rc, 400, "Bad Request", "the Accept header is malformed");
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !MEDIA_TYPE.matcher(contentType).matches()) {
            refuse(rc, contentType.isBlank() ? 415 : 400, contentType.isBlank() ? "Unsupported Media Type" : "Bad Request",
                    contentType.isBlank() ? "the body must be application/json" : "the Content-Type header is malformed");
            return;
        }
        Long length = contentLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length != null && length > maxBodySize) {
            refuse(rc, 413, "Content Too Large", "the body is larger than " + maxBodySize + " bytes");
            return;
        }
        rc.next();
    }

    private static Long contentLength(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return null; // Vert.x itself refuses a malformed Content-Length
        }
    }

    /**
     * Answers at once, then reads and discards what the client is still sending (up to a bound), so the client sees
     * the answer rather than a connection reset halfway through its upload.
     */
    private void refuse(RoutingContext rc, int status, String title, String detail) {
        HttpServerRequest request = rc.request();
        if (!request.isEnded()) {
            long[] drained = {0};
            request.handler(chunk -> {
                drained[0] += chunk.length();
                if (drained[0] > DRAIN_AT_MOST) {
                    request.connection().close();
                }
            });
            request.resume();
        }
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
    }
}
