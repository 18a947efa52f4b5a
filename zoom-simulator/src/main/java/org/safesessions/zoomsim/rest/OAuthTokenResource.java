package org.safesessions.zoomsim.rest;

import io.netty.handler.codec.http.QueryStringDecoder;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.safesessions.zoomsim.config.ZoomSimConfig;
import org.safesessions.zoomsim.state.AccessTokens;
import org.safesessions.zoomsim.validation.ReceivedRequest;

/**
 * Zoom's Server-to-Server OAuth: {@code POST /oauth/token?grant_type=account_credentials&account_id=...}
 * with the app's client id and secret as HTTP Basic. Parameters may also come as a form body.
 * Errors use OAuth's {@code {"reason":...,"error":...}}, as Zoom's token endpoint does.
 */
@Path("/oauth/token")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthTokenResource {

    static final String ACCOUNT_CREDENTIALS = "account_credentials";
    /** The scopes a meeting-managing S2S app is granted. */
    static final String SCOPES = "meeting:read:admin meeting:write:admin user:read:admin user:write:admin";

    @Inject
    ZoomApiGate gate;

    @Inject
    AccessTokens tokens;

    @Inject
    ZoomSimConfig config;

    @POST
    public Response issueToken(String body) {
        return gate.oauth(body, this::answer);
    }

    private Response answer(ReceivedRequest request) {
        if (!hasAppCredentials(request.firstHeader("Authorization"))) {
            return oauthError(401, "invalid_client", "Invalid client_id or client_secret");
        }
        Map<String, List<String>> form = formParameters(request);
        String grantType = parameter(request, form, "grant_type");
        if (!ACCOUNT_CREDENTIALS.equals(grantType)) {
            return oauthError(400, "unsupported_grant_type", "unsupported grant type");
        }
        String accountId = parameter(request, form, "account_id");
        if (!config.accountId().equals(accountId)) {
            return oauthError(400, "invalid_request", "Invalid request : Account does not exist");
        }
        String token = tokens.issue(Duration.ofSeconds(config.tokenTtlSeconds()));
        return Response.ok(new AccessTokenResponse(token, "bearer", config.tokenTtlSeconds(), SCOPES)).build();
    }

    private boolean hasAppCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return decoded.equals(config.clientId() + ":" + config.clientSecret());
    }

    private static Map<String, List<String>> formParameters(ReceivedRequest request) {
        String contentType = request.firstHeader("Content-Type");
        if (request.body() == null || contentType == null
                || !contentType.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            return Map.of();
        }
        return new QueryStringDecoder(request.body(), StandardCharsets.UTF_8, false).parameters();
    }

    private static String parameter(ReceivedRequest request, Map<String, List<String>> form, String name) {
        String fromQuery = request.firstQueryValue(name);
        if (fromQuery != null) {
            return fromQuery;
        }
        List<String> fromForm = form.get(name);
        return fromForm == null || fromForm.isEmpty() ? null : fromForm.getFirst();
    }

    private static Response oauthError(int status, String error, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("reason", reason, "error", error)).build();
    }
}
