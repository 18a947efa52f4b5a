package org.safesessions.portal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.safesessions.portal.PortalConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Calls the four services with the signed-in user's own access token (token propagation), so every rule, 403 and
 * 404 stays theirs. The token stays on the server: it is read from the encrypted session, never sent to the browser.
 */
@ApplicationScoped
public class Backend {

    private static final Logger LOG = Logger.getLogger(Backend.class);

    @Inject
    PortalConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(3))
            .build();

    public Answer get(Service service, String path, Map<String, ?> query) {
        return send(service, "GET", path + queryString(query), null);
    }

    public Answer get(Service service, String path) {
        return send(service, "GET", path, null);
    }

    public Answer post(Service service, String path, Object body) {
        return send(service, "POST", path, body);
    }

    public Answer put(Service service, String path, Object body) {
        return send(service, "PUT", path, body);
    }

    public Answer patch(Service service, String path, Object body) {
        return send(service, "PATCH", path, body);
    }

    public Answer delete(Service service, String path) {
        return send(service, "DELETE", path, null);
    }

    /** A read the page needs: anything but 2xx becomes the matching error page. */
    public JsonNode read(Service service, String path, Map<String, ?> query) {
        Answer answer = get(service, path, query);
        if (!answer.ok()) {
            throw new ServiceRefusal(service, answer.status());
        }
        return answer.body();
    }

    public JsonNode read(Service service, String path) {
        return read(service, path, Map.of());
    }

    /**
     * A read in another representation than JSON (session-service's report as {@code text/csv}), passed on as the
     * service wrote it; anything but 2xx becomes the matching error page, as for {@link #read}.
     */
    public String readAs(Service service, String path, Map<String, ?> query, String mediaType) {
        return new String(readBytes(service, path, query, mediaType), StandardCharsets.UTF_8);
    }

    /** As {@link #readAs}, for a binary representation (safeguarding-service's court bundle as {@code application/pdf}). */
    public byte[] readBytes(Service service, String path, Map<String, ?> query, String mediaType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl(service) + path + queryString(query)))
                .timeout(config.services().timeout())
                .header("Accept", mediaType)
                .header("Authorization", "Bearer " + accessToken())
                .GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 500) {
                LOG.warnf("%s GET %s answered %d", service, path, response.statusCode());
                throw new ServiceUnavailable(service, "status " + response.statusCode());
            }
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                throw new ServiceRefusal(service, response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            LOG.warnf("%s GET %s failed: %s", service, path, e.toString());
            throw new ServiceUnavailable(service, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(service, "interrupted");
        }
    }

    /** Opens a streaming GET (the notification feed's server-sent events) with the user's token. */
    public HttpResponse<InputStream> stream(Service service, String path, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl(service) + path))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + accessToken());
        if (lastEventId != null && !lastEventId.isBlank()) {
            request.header("Last-Event-ID", lastEventId);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private Answer send(Service service, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl(service) + path))
                .timeout(config.services().timeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken());
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status >= 500) {
                LOG.warnf("%s %s %s answered %d", service, method, path.replaceAll("\\?.*", ""), status);
                throw new ServiceUnavailable(service, "status " + status);
            }
            byte[] bytes = response.body();
            JsonNode parsed = bytes.length == 0 ? null : json.readTree(bytes);
            return new Answer(status, parsed);
        } catch (IOException e) {
            LOG.warnf("%s %s %s failed: %s", service, method, path.replaceAll("\\?.*", ""), e.toString());
            throw new ServiceUnavailable(service, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(service, "interrupted");
        }
    }

    private String accessToken() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new ServiceRefusal(null, 401);
        }
        return token.getToken();
    }

    private String baseUrl(Service service) {
        PortalConfig.Services urls = config.services();
        return switch (service) {
            case CONSENT -> urls.consent();
            case SESSION -> urls.session();
            case SAFEGUARDING -> urls.safeguarding();
            case NOTIFICATION -> urls.notification();
        };
    }

    /** Query parameters in order; a null or blank value is left out. */
    public static Map<String, Object> query(Object... namesAndValues) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i].toString(), namesAndValues[i + 1]);
        }
        return query;
    }

    public static String queryString(Map<String, ?> query) {
        StringJoiner joined = new StringJoiner("&", "?", "");
        joined.setEmptyValue("");
        new LinkedHashMap<>(query).forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return joined.toString();
    }
}
