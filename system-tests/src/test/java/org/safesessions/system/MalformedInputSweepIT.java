package org.safesessions.system;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input never gives a 5xx (SPEC §10): every operation of every service, read from its OpenAPI document, called
 * with a token of a role it allows and with generated bad input of every kind — bodies in odd encodings and
 * truncated, each field of its schema given a wrong type, left out, huge or with NUL, unknown fields, bad UUIDs,
 * dates and paging, wrong content types and Accept headers, a 5 MB body. Fails on any 5xx and on any 4xx that is not
 * problem+json, listing each offender by method, path template, kind of input and status.
 *
 * <p>It acts in org-b, which the journeys leave alone: a mutation that happens to be valid (an unknown field is
 * ignored, say) may change org-b's records.
 */
class MalformedInputSweepIT {

    private static final int AT_LEAST = 5_000;
    private static final Map<String, String> SERVICES = Map.of("consent-service", Suite.CONSENT,
            "session-service", Suite.SESSION, "safeguarding-service", Suite.SAFEGUARDING,
            "notification-service", Suite.NOTIFICATION);
    private static final String UUID_NOT_THERE = "5a4e1e55-0000-4000-8000-000000000b0b";
    private static final byte[] FIVE_MB = ("{\"a\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final Collection<String> offenders = new ConcurrentLinkedQueue<>();
    private final Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Requests with a real token that got past authentication and the role check: what the sweep is about. */
    private final AtomicInteger authorised = new AtomicInteger();
    private final AtomicInteger withToken = new AtomicInteger();

    /** A request to make and what it is: the kind of bad input it carries. */
    private record Probe(String service, String method, String template, String kind, String path,
                         Map<String, String> headers, byte[] body, String token) {
    }

    private record Operation(String method, String path, List<Map<String, Object>> params, Map<String, Object> bodySchema,
                             boolean takesJson) {
    }

    @Test
    void noOperationAnswersBadInputWithA5xxOrA4xxThatIsNotProblemJson() throws Exception {
        long started = System.nanoTime();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : List.of("coord-b", "manager-b", "dsl-b", "worker-b")) {
            tokens.put(user, Suite.tokenOf(user));
        }
        tokens.put("council-e09000024", Suite.clientToken("council-e09000024"));
        tokens.put("notification-service", Suite.clientToken("notification-service"));

        List<Probe> probes = new ArrayList<>();
        for (var service : new java.util.TreeMap<>(SERVICES).entrySet()) {
            JsonPath doc = given().get(service.getValue() + "/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
            Map<String, Object> schemas = doc.getMap("components.schemas");
            List<Operation> operations = operations(doc, schemas);
            assertTrue(!operations.isEmpty(), service.getKey() + " publishes no operations");
            for (Operation op : operations) {
                String token = allowedToken(service.getValue(), op, tokens);
                probes.addAll(probesFor(service.getKey(), service.getValue(), op, schemas, token));
                // methods the path does not declare: 405
                for (String other : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                    boolean declared = operations.stream().anyMatch(o -> o.path().equals(op.path()) && o.method().equals(other));
                    if (!declared) {
                        probes.add(new Probe(service.getKey(), other, op.path(), "undeclared method (path of " + op.method() + ")",
                                service.getValue() + validPath(op), headers(op), null, token));
                    }
                }
            }
            // once per service: a 5 MB body, told by Content-Length
            operations.stream().filter(Operation::takesJson).findFirst().ifPresent(op -> probes.add(new Probe(
                    service.getKey(), op.method(), op.path(), "5 MB body", service.getValue() + validPath(op),
                    Map.of("Content-Type", "application/json"), FIVE_MB, tokens.get("coord-b"))));
        }

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (Probe probe : probes) {
            done.add(pool.submit(() -> send(probe)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf("MalformedInputSweepIT: %d requests over %d services in %d s, %d answered 5xx, %d offenders%n",
                sent.get(), SERVICES.size(), seconds, serverErrors.get(), offenders.size());
        System.out.println("MalformedInputSweepIT: answers by status " + statuses + "; " + authorised.get() + " of "
                + withToken.get() + " requests with a demo token passed authentication and the role check");
        Set<String> listed = new TreeSet<>(offenders);
        listed.forEach(o -> System.out.println("  " + o));
        assertTrue(sent.get() >= AT_LEAST, "the sweep sent only " + sent.get() + " requests");
        // a sweep refused at the door tests nothing: most of its requests must reach the operations
        assertTrue(authorised.get() > withToken.get() * 0.8, "only " + authorised.get() + " of " + withToken.get()
                + " requests passed authentication: are the demo tokens accepted?");
        assertTrue(listed.isEmpty(), listed.size() + " answers were a 5xx or a 4xx without problem+json:\n"
                + String.join("\n", listed));
    }

    // ---- what to send ------------------------------------------------------------------------------------------

    private List<Probe> probesFor(String service, String base, Operation op, Map<String, Object> schemas, String token) {
        List<Probe> probes = new ArrayList<>();
        String path = validPath(op);
        byte[] baseline = op.takesJson() ? Json.write(sample(op.bodySchema(), schemas, 0)).getBytes(StandardCharsets.UTF_8) : null;
        Map<String, String> json = Map.of("Content-Type", "application/json");
        java.util.function.BiConsumer<String, byte[]> body = (kind, bytes) ->
                probes.add(new Probe(service, op.method(), op.path(), kind, base + path, json, bytes, token));

        // Accept headers other than JSON: 406
        for (String accept : List.of("text/html", "application/xml", "text/plain", "text/csv", "image/png", "garbage")) {
            probes.add(new Probe(service, op.method(), op.path(), "Accept " + accept, base + path,
                    headers(op, "Accept", accept), baseline, token));
        }
        // no token, and a token that is not one
        probes.add(new Probe(service, op.method(), op.path(), "no token", base + path, headers(op), baseline, null));
        probes.add(new Probe(service, op.method(), op.path(), "forged token", base + path, headers(op), baseline,
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"));

        // path parameters
        for (Map<String, Object> p : op.params()) {
            String name = (String) p.get("name");
            Map<String, Object> schema = resolve(p.get("schema"), schemas);
            if ("path".equals(p.get("in"))) {
                for (var bad : badPathValues(schema).entrySet()) {
                    probes.add(new Probe(service, op.method(), op.path(), "path " + name + " " + bad.getKey(),
                            base + op.path().replace("{" + name + "}", bad.getValue()).replaceAll("\\{[^}]+}", UUID_NOT_THERE),
                            headers(op), baseline, token));
                }
            } else if ("query".equals(p.get("in"))) {
                probes.add(new Probe(service, op.method(), op.path(), "query " + name + " repeated",
                        base + path + "?" + name + "=a&" + name + "=b", headers(op), baseline, token));
                probes.add(new Probe(service, op.method(), op.path(), "query " + name + " with [] syntax",
                        base + path + "?" + name + "%5B%5D=1", headers(op), baseline, token));
                for (var bad : badQueryValues(schema).entrySet()) {
                    probes.add(new Probe(service, op.method(), op.path(), "query " + name + " " + bad.getKey(),
                            base + path + "?" + name + "=" + URLEncoder.encode(bad.getValue(), StandardCharsets.UTF_8),
                            headers(op), baseline, token));
                }
            }
        }
        // paging on every GET, declared or not
        if (op.method().equals("GET")) {
            for (String paging : List.of("page=-1", "page=abc", "page=99999999999", "size=0", "size=100000", "size=-5",
                    "size=1.5", "page=&size=", "page=1e3", "page=100000&size=200")) {
                probes.add(new Probe(service, op.method(), op.path(), "paging " + paging, base + path + "?" + paging,
                        headers(op), null, token));
            }
            probes.add(new Probe(service, op.method(), op.path(), "unknown query parameter", base + path + "?noSuch=1",
                    headers(op), null, token));
        }
        if (!op.takesJson()) {
            // a body nobody asked for, in a type nobody takes
            probes.add(new Probe(service, op.method(), op.path(), "unexpected text body", base + path,
                    Map.of("Content-Type", "text/plain"), "hello".getBytes(StandardCharsets.UTF_8), token));
            return probes;
        }

        // whole bodies: encodings, truncation, NUL, nesting, not JSON at all
        String text = new String(baseline, StandardCharsets.UTF_8);
        body.accept("body UTF-16LE with BOM", concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
        body.accept("body UTF-16BE with BOM", text.getBytes(StandardCharsets.UTF_16)); // Java writes a BE BOM
        body.accept("body UTF-16LE without BOM", text.getBytes(StandardCharsets.UTF_16LE));
        body.accept("body UTF-32BE", text.getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
        body.accept("body UTF-32LE", text.getBytes(java.nio.charset.Charset.forName("UTF-32LE")));
        body.accept("body truncated UTF-32 (7 bytes)", new byte[]{0, 0, 0, '{', 0, 0, 0});
        body.accept("body UTF-32 BOM truncated", new byte[]{0, 0, (byte) 0xFE, (byte) 0xFF, 0, 0, 0});
        body.accept("body UTF-16 BOM truncated", new byte[]{(byte) 0xFE, (byte) 0xFF, 0, '{', 0});
        body.accept("body UTF-8 BOM", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, baseline));
        body.accept("body invalid UTF-8", concat(baseline, new byte[]{(byte) 0xC3, (byte) 0x28}));
        body.accept("body overlong UTF-8 in a string", "{\"a\":\"\u00c0\u00af\"}".getBytes(StandardCharsets.ISO_8859_1));
        body.accept("body lone surrogate escape", "{\"a\":\"\\ud800\"}".getBytes(StandardCharsets.US_ASCII));
        body.accept("body raw NUL bytes", new byte[]{0, 0, 0, 0, 0, 0, 0, 0});
        body.accept("body raw NUL inside", concat(new byte[]{'{', 0}, baseline));
        for (int cut : new int[]{1, 2, baseline.length / 2, baseline.length - 1}) {
            if (cut > 0 && cut < baseline.length) {
                body.accept("body truncated at " + (cut * 100 / baseline.length) + "%", java.util.Arrays.copyOf(baseline, cut));
            }
        }
        body.accept("body empty", new byte[0]);
        body.accept("body whitespace", "   \n ".getBytes(StandardCharsets.US_ASCII));
        body.accept("body null", "null".getBytes(StandardCharsets.US_ASCII));
        body.accept("body array", "[]".getBytes(StandardCharsets.US_ASCII));
        body.accept("body string", "\"x\"".getBytes(StandardCharsets.US_ASCII));
        body.accept("body number", "12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        body.accept("body object nested 2000 deep", ("{\"a\":".repeat(2000) + "1" + "}".repeat(2000)).getBytes(StandardCharsets.US_ASCII));
        body.accept("body array nested 2000 deep", ("[".repeat(2000) + "]".repeat(2000)).getBytes(StandardCharsets.US_ASCII));
        body.accept("body two documents", (text + text).getBytes(StandardCharsets.UTF_8));
        body.accept("body trailing garbage", (text + "}}]]").getBytes(StandardCharsets.UTF_8));
        body.accept("body comments", ("/* x */" + text).getBytes(StandardCharsets.UTF_8));
        body.accept("body single quotes", text.replace('"', '\'').getBytes(StandardCharsets.UTF_8));
        body.accept("body unknown field", withField(text, "\"noSuchField\":\"x\""));
        body.accept("body 900 KB string field", withField(text, "\"noSuchField\":\"" + "y".repeat(900 * 1024) + "\""));
        body.accept("body duplicate keys", withField(text, "\"a\":1,\"a\":2"));
        // wrong content types
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "application/json; charset=utf-16",
                "application/json; charset=no-such", "text/json", "application/problem+json", "*/*", "application/*",
                "json")) {
            probes.add(new Probe(service, op.method(), op.path(), "Content-Type '" + type + "'", base + path,
                    Map.of("Content-Type", type), baseline, token));
        }
        probes.add(new Probe(service, op.method(), op.path(), "no Content-Type", base + path, Map.of(), baseline, token));
        for (String encoding : List.of("gzip", "deflate", "br", "no-such")) {
            probes.add(new Probe(service, op.method(), op.path(), "Content-Encoding " + encoding + " on a plain body",
                    base + path, Map.of("Content-Type", "application/json", "Content-Encoding", encoding), baseline, token));
        }

        // field by field, from the schema
        if (sample(op.bodySchema(), schemas, 0) instanceof Map<?, ?> valid) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) valid;
            Map<String, Object> properties = properties(op.bodySchema(), schemas);
            for (String field : object.keySet()) {
                Map<String, Object> schema = resolve(properties.get(field), schemas);
                for (var bad : badFieldValues(schema, schemas).entrySet()) {
                    Map<String, Object> mutated = new LinkedHashMap<>(object);
                    if (bad.getValue() == MISSING) {
                        mutated.remove(field);
                    } else {
                        mutated.put(field, bad.getValue());
                    }
                    body.accept("field " + field + " " + bad.getKey(), Json.write(mutated).getBytes(StandardCharsets.UTF_8));
                }
                // the field inside an array of one item, if it is an array of objects
                if (object.get(field) instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> item) {
                    Map<String, Object> itemProperties = properties(resolve(schema.get("items"), schemas), schemas);
                    for (Object inner : item.keySet()) {
                        for (var bad : badFieldValues(resolve(itemProperties.get(inner), schemas), schemas).entrySet()) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> mutatedItem = new LinkedHashMap<>((Map<String, Object>) item);
                            if (bad.getValue() == MISSING) {
                                mutatedItem.remove(inner);
                            } else {
                                mutatedItem.put((String) inner, bad.getValue());
                            }
                            Map<String, Object> mutated = new LinkedHashMap<>(object);
                            mutated.put(field, List.of(mutatedItem));
                            body.accept("field " + field + "[0]." + inner + " " + bad.getKey(),
                                    Json.write(mutated).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }
        return probes;
    }

    private static final Object MISSING = new Object();

    private static Map<String, Object> badFieldValues(Map<String, Object> schema, Map<String, Object> schemas) {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("missing", MISSING);
        bad.put("null", null);
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        switch (type) {
            case "string" -> {
                bad.put("as a number", 12345);
                bad.put("as an object", Map.of("a", 1));
                bad.put("as an array", List.of("a"));
                bad.put("as a boolean", true);
                bad.put("huge (100 KB)", "z".repeat(100 * 1024));
                bad.put("with NUL", "a\u0000b");
                bad.put("with control characters", "a\u0001\u001b[31mb\r\n");
                bad.put("empty", "");
                bad.put("markup", "<script>alert(1)</script>");
                bad.put("whitespace only", " \t\n ");
                bad.put("emoji and right-to-left override", "\uD83D\uDE00\u202Eabc");
                bad.put("SQL", "'; DROP TABLE x; --");
                bad.put("10,000 non-ASCII characters", "\u00e9".repeat(10_000));
                if (schema.get("enum") != null) {
                    bad.put("not in the enum", "NO_SUCH_VALUE");
                    bad.put("enum in lower case", String.valueOf(((List<?>) schema.get("enum")).get(0)).toLowerCase());
                }
                switch (format) {
                    case "uuid" -> {
                        bad.put("not a UUID", "not-a-uuid");
                        bad.put("UUID too long", UUID.randomUUID() + "0");
                        bad.put("nil UUID", "00000000-0000-0000-0000-000000000000");
                    }
                    case "date" -> {
                        bad.put("impossible date", "2026-02-30");
                        bad.put("date with time", "2026-01-01T10:00:00Z");
                        bad.put("year 99999", "+99999-01-01");
                        bad.put("not a date", "yesterday");
                    }
                    case "date-time" -> {
                        bad.put("no offset", "2026-01-01T10:00:00");
                        bad.put("impossible time", "2026-01-01T25:61:00Z");
                        bad.put("year 99999", "+99999-01-01T00:00:00Z");
                        bad.put("epoch number", 1767225600);
                        bad.put("not a time", "tomorrow");
                    }
                    case "duration" -> bad.put("not a duration", "ninety minutes");
                    default -> {
                    }
                }
            }
            case "integer", "number" -> {
                bad.put("as a string", "abc");
                bad.put("as a numeric string", "12");
                bad.put("fractional", 1.5);
                bad.put("negative", -1);
                bad.put("zero", 0);
                bad.put("beyond int64", new java.math.BigInteger("99999999999999999999999"));
                bad.put("huge exponent", new Json.Raw("1e999999"));
                bad.put("as an array", List.of(1));
            }
            case "boolean" -> {
                bad.put("as a string", "yes");
                bad.put("as a number", 1);
                bad.put("as an object", Map.of());
            }
            case "array" -> {
                bad.put("as an object", Map.of("a", 1));
                bad.put("as a string", "a,b");
                bad.put("empty", List.of());
                bad.put("of nulls", java.util.Arrays.asList(null, null));
                bad.put("of 1000 items", java.util.Collections.nCopies(1000, sampleItem(schema, schemas)));
                bad.put("of wrong items", List.of(List.of(1), Map.of("x", "y")));
            }
            default -> {
                bad.put("as a string", "x");
                bad.put("as a number", 1);
                bad.put("as an array", List.of());
                bad.put("empty object", Map.of());
            }
        }
        return bad;
    }

    private static Object sampleItem(Map<String, Object> arraySchema, Map<String, Object> schemas) {
        Object item = sample(resolve(arraySchema.get("items"), schemas), schemas, 1);
        return item == null ? "x" : item;
    }

    private static Map<String, String> badPathValues(Map<String, Object> schema) {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("not a UUID", "not-a-uuid");
        bad.put("number", "12345");
        bad.put("too long", "a".repeat(3000));
        bad.put("percent-encoded NUL", "%00");
        bad.put("percent-encoded slash", "a%2Fb");
        bad.put("SQL", "'%20OR%201=1--");
        bad.put("unicode", "%E2%98%83");
        bad.put("UUID with braces", "%7B" + UUID.randomUUID() + "%7D");
        if (schema.get("enum") != null) {
            bad.put("not in the enum", "NO_SUCH_VALUE");
        }
        return bad;
    }

    private static Map<String, String> badQueryValues(Map<String, Object> schema) {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("empty", "");
        bad.put("NUL", "a\u0000b");
        bad.put("too long", "q".repeat(3000));
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        if (type.equals("integer") || type.equals("number")) {
            bad.put("not a number", "abc");
            bad.put("negative", "-1");
            bad.put("beyond int64", "99999999999999999999");
            bad.put("fractional", "1.5");
        } else if ("uuid".equals(format)) {
            bad.put("not a UUID", "not-a-uuid");
        } else if (schema.get("enum") != null) {
            bad.put("not in the enum", "NO_SUCH_VALUE");
        } else if (type.equals("boolean")) {
            bad.put("not a boolean", "perhaps");
        }
        // times are often typed as strings and parsed by the resource: try the bad ones on every string
        if (type.equals("string") || "null".equals(type)) {
            bad.put("not a time", "yesterday");
            bad.put("impossible time", "2026-13-45T25:00:00Z");
            bad.put("year 99999", "+99999-01-01T00:00:00Z");
            bad.put("no offset", "2026-01-01T10:00:00");
        }
        return bad;
    }

    // ---- from the OpenAPI document ---------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static List<Operation> operations(JsonPath doc, Map<String, Object> schemas) {
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, raw) -> {
            if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                return;
            }
            Map<String, Object> op = (Map<String, Object>) raw;
            Map<String, Object> content = op.get("requestBody") instanceof Map<?, ?> body
                    ? (Map<String, Object>) ((Map<String, Object>) body).getOrDefault("content", Map.of()) : Map.of();
            Map<String, Object> bodySchema = content.get("application/json") instanceof Map<?, ?> json
                    ? resolve(((Map<String, Object>) json).get("schema"), schemas) : Map.of();
            if (op.get("responses") instanceof Map<?, ?> responses && responses.keySet().stream()
                    .map(String::valueOf).noneMatch(s -> s.startsWith("2"))) {
                return;
            }
            boolean stream = String.valueOf(op.get("responses")).contains("text/event-stream");
            if (stream) {
                return; // a server-sent-event stream stays open; its bad Accept is in ServiceBasicsContract
            }
            operations.add(new Operation(method.toUpperCase(), path,
                    (List<Map<String, Object>>) op.getOrDefault("parameters", List.of()), bodySchema,
                    content.containsKey("application/json")));
        }));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Object schema, Map<String, Object> schemas) {
        if (!(schema instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Object ref = map.get("$ref");
        if (ref instanceof String r && schemas != null) {
            Object target = schemas.get(r.substring(r.lastIndexOf('/') + 1));
            return target instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schema, Map<String, Object> schemas) {
        Map<String, Object> all = new LinkedHashMap<>();
        if (schema.get("properties") instanceof Map<?, ?> props) {
            all.putAll((Map<String, Object>) props);
        }
        if (schema.get("allOf") instanceof List<?> parts) {
            parts.forEach(part -> all.putAll(properties(resolve(part, schemas), schemas)));
        }
        return all;
    }

    /** A value that fits the schema, roughly: the baseline each mutation changes one thing of. */
    private static Object sample(Map<String, Object> schema, Map<String, Object> schemas, int depth) {
        if (depth > 4) {
            return null;
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        Map<String, Object> properties = properties(schema, schemas);
        if (type.equals("object") || !properties.isEmpty()) {
            Map<String, Object> object = new LinkedHashMap<>();
            properties.forEach((name, s) -> object.put(name, sample(resolve(s, schemas), schemas, depth + 1)));
            return object;
        }
        return switch (type) {
            case "array" -> {
                Object item = sample(resolve(schema.get("items"), schemas), schemas, depth + 1);
                yield item == null ? List.of() : List.of(item);
            }
            case "integer" -> 1;
            case "number" -> 1.0;
            case "boolean" -> true;
            case "string" -> switch (format) {
                case "uuid" -> UUID_NOT_THERE;
                case "date" -> "2027-03-04";
                case "date-time" -> "2027-03-04T10:00:00Z";
                case "duration" -> "PT1H";
                case "email" -> "sweep@example.org";
                default -> "sweep";
            };
            default -> null;
        };
    }

    private static String validPath(Operation op) {
        String path = op.path();
        for (Map<String, Object> p : op.params()) {
            if ("path".equals(p.get("in"))) {
                path = path.replace("{" + p.get("name") + "}", UUID_NOT_THERE);
            }
        }
        return path;
    }

    /** The first token this operation does not refuse with 401/403: a caller of a role it allows. */
    private String allowedToken(String base, Operation op, Map<String, String> tokens) {
        for (String token : tokens.values()) {
            HttpResponse<String> response = exchange(new Probe("", op.method(), op.path(), "role probe",
                    base + validPath(op), headers(op), op.takesJson() ? "{}".getBytes(StandardCharsets.UTF_8) : null, token));
            if (response != null && response.statusCode() != 401 && response.statusCode() != 403) {
                return token;
            }
        }
        return tokens.values().iterator().next();
    }

    private static Map<String, String> headers(Operation op, String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (op.takesJson()) {
            headers.put("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    // ---- sending and judging -----------------------------------------------------------------------------------

    private void send(Probe probe) {
        HttpResponse<String> response = exchange(probe);
        if (response == null) {
            offenders.add(probe.method() + " " + probe.template() + " (" + probe.service() + ") " + probe.kind()
                    + " → no answer");
            return;
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
        if (probe.token() != null && !probe.kind().equals("forged token")) {
            withToken.incrementAndGet();
            if (status != 401 && status != 403) {
                authorised.incrementAndGet();
            }
        }
        if (status >= 500) {
            serverErrors.incrementAndGet();
        }
        if (status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"))) {
            offenders.add(probe.method() + " " + probe.template() + " (" + probe.service() + ") " + probe.kind()
                    + " → " + status + " " + type);
        }
    }

    private HttpResponse<String> exchange(Probe probe) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(probe.path())).timeout(Duration.ofSeconds(20));
            probe.headers().forEach(request::header);
            if (probe.token() != null) {
                request.header("Authorization", "Bearer " + probe.token());
            }
            request.method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
            sent.incrementAndGet();
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the sweep built a request Java refuses: " + probe.kind() + " " + probe.path(), e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The baseline body with one more member, or a body of just that member when the baseline is no object. */
    private static byte[] withField(String baseline, String member) {
        String trimmed = baseline.trim();
        String body = trimmed.startsWith("{") && trimmed.length() > 2 ? "{" + member + "," + trimmed.substring(1)
                : "{" + member + "}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Just enough JSON writing for generated bodies (the module has no JSON library of its own). */
    static final class Json {

        /** A number written as is, e.g. one no Java type holds. */
        record Raw(String text) {
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof Raw raw) {
                out.append(raw.text());
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (var e : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(String.valueOf(e.getKey()), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof Collection<?> list) {
                out.append('[');
                boolean first = true;
                for (Object item : list) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(item, out);
                }
                out.append(']');
            } else {
                string(String.valueOf(value), out);
            }
        }

        private static void string(String s, StringBuilder out) {
            out.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
