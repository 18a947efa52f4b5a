package org.safesessions.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the part of Keycloak the staff directory reads: the token endpoint (client credentials) and the
 * Admin REST API's user search by attribute and realm role mappings. It is seeded from the realm as code
 * ({@code stack/keycloak/safesessions-realm.json}), so tests see exactly the realm's users, organisations, roles and
 * confidential clients; only clients whose service account holds realm-management {@code view-users} may read.
 * Users get the ids {@link #idOf(String)} gives (the realm file names none; real Keycloak makes its own).
 * <p>
 * With the init arg {@code client} (e.g. {@code session-service}) the service is pointed at it as that client.
 * Its roster cache is switched off ({@code cache-ttl=0s}) so a test's {@link #addUser}/{@link #disableUser} count
 * at once. {@link #goAway()} / {@link #comeBack()} make Keycloak unreachable and back, for outage tests;
 * {@link #failWith(int)} makes the admin API answer an error status.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM_FILE = "stack/keycloak/safesessions-realm.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, User> users = new ConcurrentHashMap<>();
    private static final Map<String, String> clientSecrets = new ConcurrentHashMap<>();
    private static final Set<String> viewUsersClients = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> tokens = new ConcurrentHashMap<>();
    private static final AtomicInteger adminRequests = new AtomicInteger();
    private static volatile int failWith;
    private static volatile String realm = "safesessions";
    private static final java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "keycloak-stand-in");
        t.setDaemon(true);
        return t;
    });
    private static HttpServer server;
    private static int port;

    private String client;

    /** A user as the stand-in keeps it; {@code roles} are effective realm roles. */
    public record User(String id, String userName, boolean enabled, String email, String firstName, String lastName,
                       List<String> organisations, Set<String> roles) {
    }

    @Override
    public void init(Map<String, String> initArgs) {
        client = initArgs.get("client");
    }

    @Override
    public Map<String, String> start() {
        reset();
        port = freePort();
        startServer();
        Map<String, String> config = new HashMap<>();
        config.put("safesessions.staff-directory.url", url());
        config.put("safesessions.staff-directory.realm", realm);
        config.put("safesessions.staff-directory.cache-ttl", "0s");
        config.put("safesessions.staff-directory.timeout", "5s");
        if (client != null) {
            config.put("safesessions.staff-directory.client-id", client);
            config.put("safesessions.staff-directory.client-secret", clientSecrets.getOrDefault(client, ""));
        }
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Keycloak's base URL, as the directory's {@code url} setting wants it. */
    public static String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm's users, clients and roles again, Keycloak reachable and answering. */
    public static void reset() {
        users.clear();
        clientSecrets.clear();
        viewUsersClients.clear();
        tokens.clear();
        failWith = 0;
        seed(realmFile());
    }

    /** The Keycloak user id the stand-in gives a user name (stable across runs). */
    public static String idOf(String userName) {
        return UUID.nameUUIDFromBytes(("keycloak-user:" + userName.toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A new enabled user of {@code organisation} with these realm roles; returns its id. */
    public static String addUser(String organisation, String userName, String... roles) {
        String name = userName.toLowerCase(Locale.ROOT);
        User user = new User(idOf(name), name, true, name + "@" + organisation + ".example", "Test", name,
                List.of(organisation), new LinkedHashSet<>(List.of(roles)));
        users.put(name, user);
        return user.id();
    }

    /** A user with no {@code org} attribute, or with several: not staff of any one organisation. */
    public static String addUserWithOrganisations(String userName, List<String> organisations, String... roles) {
        String name = userName.toLowerCase(Locale.ROOT);
        users.put(name, new User(idOf(name), name, true, null, null, null, List.copyOf(organisations),
                new LinkedHashSet<>(List.of(roles))));
        return idOf(name);
    }

    public static void disableUser(String userName) {
        users.computeIfPresent(userName.toLowerCase(Locale.ROOT), (k, u) -> new User(u.id(), u.userName(), false,
                u.email(), u.firstName(), u.lastName(), u.organisations(), u.roles()));
    }

    public static void removeUser(String userName) {
        users.remove(userName.toLowerCase(Locale.ROOT));
    }

    public static User user(String userName) {
        return users.get(userName.toLowerCase(Locale.ROOT));
    }

    /** Keycloak down: its port refuses connections until {@link #comeBack()}. */
    public static void goAway() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Keycloak back, on the same port, with the same users. */
    public static void comeBack() {
        if (server == null) {
            startServer();
        }
    }

    /** The admin API answers this status (e.g. 503) until {@code failWith(0)}. */
    public static void failWith(int status) {
        failWith = status;
    }

    /** Admin API requests answered so far (for cache tests). */
    public static int adminRequests() {
        return adminRequests.get();
    }

    // ------------------------------------------------------------------ the realm file

    private static Path realmFile() {
        String override = System.getProperty("safesessions.realm-file");
        if (override != null) {
            return Path.of(override);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(REALM_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(REALM_FILE + " not found above " + Path.of("").toAbsolutePath());
    }

    private static void seed(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        realm = root.path("realm").asText("safesessions");
        Map<String, Set<String>> composites = new HashMap<>();
        for (JsonNode role : root.path("roles").path("realm")) {
            Set<String> parts = new LinkedHashSet<>();
            role.path("composites").path("realm").forEach(r -> parts.add(r.asText()));
            composites.put(role.path("name").asText(), parts);
        }
        // Keycloak makes the default roles composite itself when the realm file leaves them out.
        composites.putIfAbsent("default-roles-" + realm, Set.of("offline_access", "uma_authorization"));
        for (JsonNode c : root.path("clients")) {
            if (!c.path("publicClient").asBoolean(false) && c.hasNonNull("secret")) {
                clientSecrets.put(c.path("clientId").asText(), c.path("secret").asText());
            }
        }
        for (JsonNode u : root.path("users")) {
            if (u.hasNonNull("serviceAccountClientId")) {
                boolean viewUsers = false;
                for (JsonNode r : u.path("clientRoles").path("realm-management")) {
                    viewUsers |= r.asText().equals("view-users");
                }
                if (viewUsers) {
                    viewUsersClients.add(u.path("serviceAccountClientId").asText());
                }
            }
            String name = u.path("username").asText().toLowerCase(Locale.ROOT);
            List<String> orgs = new ArrayList<>();
            u.path("attributes").path("org").forEach(o -> orgs.add(o.asText()));
            Set<String> roles = new LinkedHashSet<>();
            u.path("realmRoles").forEach(r -> expand(r.asText(), composites, roles));
            users.put(name, new User(idOf(name), name, u.path("enabled").asBoolean(true), text(u, "email"),
                    text(u, "firstName"), text(u, "lastName"), orgs, roles));
        }
    }

    private static void expand(String role, Map<String, Set<String>> composites, Set<String> into) {
        if (into.add(role)) {
            composites.getOrDefault(role, Set.of()).forEach(part -> expand(part, composites, into));
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    // ------------------------------------------------------------------ HTTP

    private static void startServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(workers);
        server.createContext("/", KeycloakResource::handle);
        server.start();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String tokenPath = "/realms/" + realm + "/protocol/openid-connect/token";
            String adminPrefix = "/admin/realms/" + realm + "/users";
            if (path.equals(tokenPath) && exchange.getRequestMethod().equals("POST")) {
                token(exchange);
            } else if (path.startsWith(adminPrefix) && exchange.getRequestMethod().equals("GET")) {
                adminRequests.incrementAndGet();
                String client = tokens.get(bearer(exchange));
                if (client == null) {
                    answer(exchange, 401, JSON.createObjectNode().put("error", "HTTP 401 Unauthorized"));
                } else if (!viewUsersClients.contains(client)) {
                    answer(exchange, 403, JSON.createObjectNode().put("error", "HTTP 403 Forbidden"));
                } else if (failWith != 0) {
                    answer(exchange, failWith, JSON.createObjectNode().put("error", "failing on purpose"));
                } else {
                    admin(exchange, path.substring(adminPrefix.length()));
                }
            } else {
                answer(exchange, 404, JSON.createObjectNode().put("error", "Not Found"));
            }
        }
    }

    private static void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            answer(exchange, 400, JSON.createObjectNode().put("error", "unsupported_grant_type"));
        } else if (clientId == null || secret == null || !secret.equals(clientSecrets.get(clientId))) {
            answer(exchange, 401, JSON.createObjectNode().put("error", "invalid_client"));
        } else {
            String token = UUID.randomUUID().toString();
            tokens.put(token, clientId);
            answer(exchange, 200, JSON.createObjectNode().put("access_token", token).put("expires_in", 300)
                    .put("token_type", "Bearer"));
        }
    }

    private static void admin(HttpExchange exchange, String rest) throws IOException {
        Map<String, String> query = decode(exchange.getRequestURI().getRawQuery());
        if (rest.isEmpty()) {
            answer(exchange, 200, search(query));
            return;
        }
        String[] parts = rest.substring(1).split("/");
        User user = users.values().stream().filter(u -> u.id().equals(parts[0])).findFirst().orElse(null);
        if (user == null) {
            answer(exchange, 404, JSON.createObjectNode().put("error", "User not found"));
        } else if (parts.length == 1) {
            answer(exchange, 200, representation(user, true));
        } else if (String.join("/", List.of(parts).subList(1, parts.length)).equals("role-mappings/realm/composite")) {
            ArrayNode roles = JSON.createArrayNode();
            user.roles().forEach(r -> roles.addObject().put("id", UUID.nameUUIDFromBytes(r.getBytes(StandardCharsets.UTF_8)).toString())
                    .put("name", r).put("composite", false).put("clientRole", false).put("containerId", realm));
            answer(exchange, 200, roles);
        } else {
            answer(exchange, 404, JSON.createObjectNode().put("error", "Not Found"));
        }
    }

    /** {@code q=key:value ...} matches attributes exactly, as Keycloak 26 does; paged by first/max. */
    private static ArrayNode search(Map<String, String> query) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String pair : query.getOrDefault("q", "").trim().split("\\s+")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                attributes.put(pair.substring(0, colon), pair.substring(colon + 1));
            }
        }
        boolean brief = Boolean.parseBoolean(query.getOrDefault("briefRepresentation", "false"));
        int first = Integer.parseInt(query.getOrDefault("first", "0"));
        int max = Integer.parseInt(query.getOrDefault("max", "100"));
        ArrayNode found = JSON.createArrayNode();
        users.values().stream()
                .filter(u -> attributes.entrySet().stream().allMatch(a -> a.getKey().equals("org")
                        && u.organisations().contains(a.getValue())))
                .sorted(java.util.Comparator.comparing(User::userName))
                .skip(first).limit(max)
                .forEach(u -> found.add(representation(u, !brief)));
        return found;
    }

    private static ObjectNode representation(User user, boolean withAttributes) {
        ObjectNode node = JSON.createObjectNode().put("id", user.id()).put("username", user.userName())
                .put("enabled", user.enabled()).put("emailVerified", user.email() != null)
                .put("createdTimestamp", 0L);
        if (user.email() != null) {
            node.put("email", user.email());
        }
        if (user.firstName() != null) {
            node.put("firstName", user.firstName());
        }
        if (user.lastName() != null) {
            node.put("lastName", user.lastName());
        }
        if (withAttributes && !user.organisations().isEmpty()) {
            ArrayNode org = node.putObject("attributes").putArray("org");
            user.organisations().forEach(org::add);
        }
        return node;
    }

    private static String bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> fields = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(key, value);
        }
        return fields;
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
