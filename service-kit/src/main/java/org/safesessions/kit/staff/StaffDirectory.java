package org.safesessions.kit.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who an organisation's staff are, read from Keycloak, the one source of truth (SPEC §2 "Staff identity"): enabled
 * users whose {@code org} attribute is that organisation, with their realm roles (composites included). It is the
 * only way a service resolves a member of staff. It reads the Admin REST API as the service's own service account
 * (realm-management {@code view-users} only) and keeps each organisation's roster for {@code cache-ttl}.
 * <p>
 * A failed read is never remembered and never answered from an expired roster: the caller gets
 * {@link StaffDirectoryUnavailableException} (503 with Retry-After), so no rule is ever decided on a guess.
 */
@ApplicationScoped
public class StaffDirectory {

    private static final Logger LOG = Logger.getLogger(StaffDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;
    /** Renew the service token this long before Keycloak says it expires. */
    private static final long TOKEN_MARGIN_NANOS = 10_000_000_000L;

    private final StaffDirectoryConfig config;
    private final HttpClient http;
    private final LongSupplier nanoTime;
    private final Map<String, Roster> rosters = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Object tokenLock = new Object();
    private String token;
    private long tokenExpiresAt;

    @Inject
    public StaffDirectory(StaffDirectoryConfig config) {
        this(config, System::nanoTime);
    }

    /** For tests that need to move time for the cache. */
    public StaffDirectory(StaffDirectoryConfig config, LongSupplier nanoTime) {
        this.config = config;
        this.nanoTime = nanoTime;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** The enabled member of staff of {@code organisation} with this user name, typed in any case. */
    public Optional<StaffMember> byUserName(String organisation, String userName) {
        if (blank(organisation) || blank(userName)) {
            return Optional.empty();
        }
        return Optional.ofNullable(roster(organisation).byUserName.get(canonical(userName)));
    }

    /** The enabled member of staff of {@code organisation} with this Keycloak user id. */
    public Optional<StaffMember> byId(String organisation, String userId) {
        if (blank(organisation) || blank(userId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(roster(organisation).byId.get(userId));
    }

    /** The enabled staff of {@code organisation} holding a realm role, by user name. */
    public List<StaffMember> withRole(String organisation, String realmRole) {
        if (blank(organisation) || blank(realmRole)) {
            return List.of();
        }
        return roster(organisation).byId.values().stream()
                .filter(member -> member.hasRole(realmRole))
                .sorted(Comparator.comparing(StaffMember::userName))
                .toList();
    }

    /** Forget every roster, so the next lookup reads Keycloak (tests that change users; not needed otherwise). */
    public void forget() {
        rosters.clear();
    }

    /** The canonical form of a user name: Keycloak keeps user names lower-case. */
    public static String canonical(String userName) {
        return userName.strip().toLowerCase(Locale.ROOT);
    }

    private Roster roster(String organisation) {
        Roster current = rosters.get(organisation);
        if (current != null && current.freshAt(nanoTime.getAsLong())) {
            return current;
        }
        synchronized (locks.computeIfAbsent(organisation, o -> new Object())) {
            current = rosters.get(organisation);
            if (current != null && current.freshAt(nanoTime.getAsLong())) {
                return current;
            }
            rosters.remove(organisation); // an expired roster is never an answer, even if Keycloak is away
            Roster read = new Roster(read(organisation), nanoTime.getAsLong() + config.cacheTtl().toNanos());
            rosters.put(organisation, read);
            return read;
        }
    }

    private List<StaffMember> read(String organisation) {
        if (organisation.chars().anyMatch(Character::isWhitespace)) {
            return List.of(); // Keycloak's q search splits on spaces; no organisation code has one
        }
        List<StaffMember> staff = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            JsonNode users = get("/users?briefRepresentation=false&first=" + first + "&max=" + PAGE
                    + "&q=" + URLEncoder.encode("org:" + organisation, StandardCharsets.UTF_8));
            for (JsonNode user : users) {
                // Keycloak's search is a filter, not the rule: the rule is one org attribute equal to this one.
                if (user.path("enabled").asBoolean(false) && organisationOf(user).equals(List.of(organisation))) {
                    staff.add(member(user, organisation));
                }
            }
            if (users.size() < PAGE) {
                return staff;
            }
        }
    }

    private StaffMember member(JsonNode user, String organisation) {
        String id = user.path("id").asText();
        Set<String> roles = new HashSet<>();
        for (JsonNode role : get("/users/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/role-mappings/realm/composite")) {
            roles.add(role.path("name").asText());
        }
        String userName = canonical(user.path("username").asText());
        String display = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).strip();
        String email = user.hasNonNull("email") ? user.get("email").asText() : null;
        return new StaffMember(id, userName, display.isEmpty() ? userName : display, email, organisation, roles);
    }

    private static List<String> organisationOf(JsonNode user) {
        List<String> values = new ArrayList<>();
        user.path("attributes").path("org").forEach(value -> values.add(value.asText()));
        return values;
    }

    private JsonNode get(String path) {
        URI base = config.url().orElseThrow(() -> new StaffDirectoryUnavailableException(
                "safesessions.staff-directory.url is not set"));
        URI uri = URI.create(base.toString().replaceAll("/+$", "") + "/admin/realms/"
                + URLEncoder.encode(config.realm(), StandardCharsets.UTF_8) + path);
        HttpResponse<String> response = send(uri, serviceToken(false));
        if (response.statusCode() == 401) {
            response = send(uri, serviceToken(true)); // the token was revoked or Keycloak restarted: one new token
        }
        if (response.statusCode() != 200) {
            LOG.warnf("staff directory: Keycloak answered %d to the admin API", response.statusCode());
            throw new StaffDirectoryUnavailableException("Keycloak answered " + response.statusCode());
        }
        return parse(response.body());
    }

    private HttpResponse<String> send(URI uri, String bearer) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json").GET().build();
        return exchange(request);
    }

    private String serviceToken(boolean renew) {
        synchronized (tokenLock) {
            if (!renew && token != null && nanoTime.getAsLong() < tokenExpiresAt) {
                return token;
            }
            String secret = config.clientSecret().orElseThrow(() -> new StaffDirectoryUnavailableException(
                    "safesessions.staff-directory.client-secret is not set"));
            URI base = config.url().orElseThrow(() -> new StaffDirectoryUnavailableException(
                    "safesessions.staff-directory.url is not set"));
            String form = form(Map.of("grant_type", "client_credentials", "client_id", config.clientId(),
                    "client_secret", secret));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "")
                            + "/realms/" + URLEncoder.encode(config.realm(), StandardCharsets.UTF_8)
                            + "/protocol/openid-connect/token"))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            HttpResponse<String> response = exchange(request);
            if (response.statusCode() != 200) {
                LOG.warnf("staff directory: Keycloak refused the service account %s (%d)", config.clientId(),
                        response.statusCode());
                throw new StaffDirectoryUnavailableException("Keycloak refused the service account");
            }
            JsonNode body = parse(response.body());
            token = body.path("access_token").asText(null);
            if (token == null) {
                throw new StaffDirectoryUnavailableException("Keycloak's token answer has no access token");
            }
            tokenExpiresAt = nanoTime.getAsLong() + body.path("expires_in").asLong(60) * 1_000_000_000L
                    - TOKEN_MARGIN_NANOS;
            return token;
        }
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warnf("staff directory: Keycloak unreachable (%s)", e.getClass().getSimpleName());
            throw new StaffDirectoryUnavailableException("Keycloak is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StaffDirectoryUnavailableException("interrupted while reading Keycloak", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new StaffDirectoryUnavailableException("Keycloak's answer is not JSON", e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** One organisation's enabled staff as read at one moment. */
    private static final class Roster {
        final Map<String, StaffMember> byId;
        final Map<String, StaffMember> byUserName;
        final long expiresAt;

        Roster(List<StaffMember> staff, long expiresAt) {
            this.byId = staff.stream().collect(Collectors.toUnmodifiableMap(StaffMember::id, Function.identity()));
            this.byUserName = staff.stream().collect(Collectors.toUnmodifiableMap(StaffMember::userName,
                    Function.identity(), (a, b) -> a));
            this.expiresAt = expiresAt;
        }

        boolean freshAt(long now) {
            return now - expiresAt < 0;
        }
    }
}
