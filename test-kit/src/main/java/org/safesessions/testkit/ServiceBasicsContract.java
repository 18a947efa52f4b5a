package org.safesessions.testkit;

import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.safesessions.testkit.OpenApiOperations.Operation;
import org.safesessions.testkit.OpenApiOperations.Param;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service offers from day one: liveness, readiness covering its database and Kafka, the OpenAPI
 * document, Prometheus metrics, and its HTTP edges (SPEC §8): every operation, read from its OpenAPI document,
 * answers JSON (or the media type SPEC states for it) and refuses anything else with 406; bad input of every kind is
 * a 4xx problem+json, never a 5xx. A service's test extends this with {@code @QuarkusTest}.
 *
 * <p>The edge tests call as a member of staff holding every role, so that each request passes the role check and
 * meets the edge it is about.
 */
public abstract class ServiceBasicsContract {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String SOME_ID = "00000000-0000-4000-8000-00000000c0de";
    private static final List<String> REFUSED_ACCEPTS = List.of("text/html", "application/xml", "text/plain");

    /**
     * Media types beyond JSON that SPEC states for some operations ({@code "GET /reports/attendance"} → {@code text/csv}).
     * A service overrides this for its own.
     */
    protected Map<String, Set<String>> statedMediaTypes() {
        return Map.of();
    }

    @Test
    void isLive() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void isReadyWithItsDatabaseAndReportsKafkaApart() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem("kafka-broker")));
        given().get("/q/health/group/kafka").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("kafka-broker"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void unknownPathIsProblemJson() {
        given().get("/no-such-resource").then().statusCode(404).contentType(containsString("application/problem+json"));
    }

    // ---- every response is JSON (or what SPEC states) -------------------------------------------------------------

    @Test
    void everyOperationDeclaresJsonOrItsStatedMediaType() {
        List<String> offenders = new ArrayList<>();
        for (Operation op : operations()) {
            Set<String> allowed = allowedTypes(op);
            boolean answers = false;
            for (var response : op.responses().entrySet()) {
                if (!response.getKey().startsWith("2")) {
                    continue;
                }
                answers = true;
                if (response.getValue().isEmpty() && !response.getKey().equals("204")) {
                    offenders.add(op + " " + response.getKey() + " declares no media type");
                }
                // "text/csv;qs=0.5": the server's preference among its own types, not another type
                response.getValue().stream().filter(t -> !allowed.contains(t.split(";")[0].trim()))
                        .forEach(t -> offenders.add(op + " " + response.getKey() + " declares " + t));
            }
            if (!answers) {
                offenders.add(op + " declares no success response");
            }
        }
        assertTrue(offenders.isEmpty(), "operations off SPEC §8's media types:\n" + String.join("\n", offenders));
    }

    @Test
    @TestSecurity(user = "contract-caller", roles = {"youth-worker", "coordinator", "safeguarding-lead", "manager",
            "partner-council", "contact-reader", "invitation-reader", "ops"})
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-contract"), @Claim(key = "council", value = "E09000024")})
    void everyOperationRefusesHtmlXmlAndPlainTextWith406ProblemJson() {
        List<String> offenders = new ArrayList<>();
        for (Operation op : operations()) {
            for (String accept : REFUSED_ACCEPTS) {
                Response response = send(op, given().accept(accept));
                if (response.statusCode() != 406 || !isProblem(response, 406)) {
                    offenders.add(op + " Accept " + accept + " → " + response.statusCode() + " " + response.contentType());
                }
            }
        }
        assertTrue(offenders.isEmpty(), "expected 406 problem+json (a caller with a role this contract lacks gets "
                + "403: add the role above):\n" + String.join("\n", offenders));
    }

    @Test
    void withoutATokenNoOperationAnswersHtmlXmlOrPlainText() {
        List<String> offenders = new ArrayList<>();
        for (Operation op : operations()) {
            for (String accept : REFUSED_ACCEPTS) {
                Response response = send(op, given().accept(accept));
                if (response.statusCode() < 400 || !isProblem(response, response.statusCode())) {
                    offenders.add(op + " Accept " + accept + " → " + response.statusCode() + " " + response.contentType());
                }
            }
        }
        assertTrue(offenders.isEmpty(), "expected a 4xx problem+json:\n" + String.join("\n", offenders));
    }

    @Test
    @TestSecurity(user = "contract-caller", roles = {"youth-worker", "coordinator", "safeguarding-lead", "manager",
            "partner-council", "contact-reader", "invitation-reader", "ops"})
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-contract"), @Claim(key = "council", value = "E09000024")})
    void wildcardsQValuesAndCharsetsGetJson() {
        List<String> offenders = new ArrayList<>();
        for (Operation op : operations()) {
            if (!op.method().equals("get") || op.answersWith("text/event-stream")) {
                continue; // a stream never ends; its Accept is checked above
            }
            for (String accept : new String[]{null, "*/*", "application/*", "application/json;charset=utf-8",
                    "application/json;q=0.4, text/html;q=0.9", "text/html;q=0.9, */*;q=0.1"}) {
                Response response = send(op, accept == null ? given() : given().accept(accept));
                String type = String.valueOf(response.contentType());
                boolean json = response.statusCode() < 300 ? type.startsWith("application/json") : isProblem(response, response.statusCode());
                if (response.statusCode() == 406 || response.statusCode() >= 500 || !json) {
                    offenders.add(op + " Accept " + accept + " → " + response.statusCode() + " " + type);
                }
            }
        }
        assertTrue(offenders.isEmpty(), "expected JSON (or a 4xx problem+json):\n" + String.join("\n", offenders));
    }

    @Test
    void errorsAreProblemJsonWhateverTheAccept() {
        for (String accept : REFUSED_ACCEPTS) {
            given().accept(accept).get("/no-such-resource").then().statusCode(404).contentType(PROBLEM_JSON);
            Operation op = operations().get(0);
            String unused = unusedMethod(op.path());
            given().accept(accept).request(unused, op.validPath(SOME_ID)).then().statusCode(405).contentType(PROBLEM_JSON);
        }
    }

    // ---- bad input never gives a 5xx ------------------------------------------------------------------------------

    /** Bodies that are not JSON at all: Jackson gives up reading them (encodings, truncation, NUL, nesting). */
    private static final Map<String, byte[]> UNREADABLE_BODIES = new LinkedHashMap<>();

    static {
        UNREADABLE_BODIES.put("truncated UTF-32", new byte[]{0, 0, 0, '{', 0, 0, 0});
        UNREADABLE_BODIES.put("UTF-32LE byte order mark, truncated", new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 0, '{', 0, 0});
        UNREADABLE_BODIES.put("UTF-16BE byte order mark, truncated", new byte[]{(byte) 0xFE, (byte) 0xFF, 0, '{', 0});
        UNREADABLE_BODIES.put("invalid UTF-8", new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
        UNREADABLE_BODIES.put("raw NUL in a string", new byte[]{'{', '"', 'a', 0, '"', ':', '1', '}'});
        UNREADABLE_BODIES.put("nested 5000 deep", "[".repeat(5000).getBytes(StandardCharsets.US_ASCII));
        UNREADABLE_BODIES.put("truncated object", "{\"a\":".getBytes(StandardCharsets.US_ASCII));
        UNREADABLE_BODIES.put("number with 2000 digits", ("{\"a\":" + "9".repeat(2000) + "}").getBytes(StandardCharsets.US_ASCII));
    }

    /** JSON that reads, but not as what the operation takes: each gives a 4xx naming what is wrong. */
    private static final Map<String, String> WRONG_BODIES = new LinkedHashMap<>();

    static {
        WRONG_BODIES.put("an array for an object", "[1,2,3]");
        WRONG_BODIES.put("a string for an object", "\"text\"");
        WRONG_BODIES.put("null", "null");
        WRONG_BODIES.put("an empty object", "{}");
        WRONG_BODIES.put("unknown fields only", "{\"noSuchField\":1,\"another\":{\"x\":[]}}");
        WRONG_BODIES.put("escaped NUL in a field", "{\"name\":\"a\\u0000b\",\"title\":\"a\\u0000b\"}");
        WRONG_BODIES.put("a huge exponent", "{\"size\":1e999999,\"maxYoungPeople\":1e999999}");
    }

    @Test
    @TestSecurity(user = "contract-caller", roles = {"youth-worker", "coordinator", "safeguarding-lead", "manager",
            "partner-council", "contact-reader", "invitation-reader", "ops"})
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-contract"), @Claim(key = "council", value = "E09000024")})
    void unreadableBodiesAre400ProblemJson() {
        List<String> offenders = new ArrayList<>();
        for (Operation op : jsonBodyOperations()) {
            UNREADABLE_BODIES.forEach((kind, body) -> {
                Response response = send(op, given().contentType("application/json").body(body));
                if (response.statusCode() != 400 || !isProblem(response, 400)) {
                    offenders.add(op + " " + kind + " → " + response.statusCode() + " " + response.contentType());
                }
            });
        }
        assertTrue(offenders.isEmpty(), "expected 400 problem+json:\n" + String.join("\n", offenders));
    }

    @Test
    @TestSecurity(user = "contract-caller", roles = {"youth-worker", "coordinator", "safeguarding-lead", "manager",
            "partner-council", "contact-reader", "invitation-reader", "ops"})
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-contract"), @Claim(key = "council", value = "E09000024")})
    void wrongJsonIsA4xxProblemJsonNeverA5xx() {
        List<String> offenders = new ArrayList<>();
        for (Operation op : jsonBodyOperations()) {
            WRONG_BODIES.forEach((kind, body) -> {
                Response response = send(op, given().contentType("application/json").body(body));
                if (response.statusCode() >= 500 || (response.statusCode() >= 400 && !isProblem(response, response.statusCode()))) {
                    offenders.add(op + " " + kind + " → " + response.statusCode() + " " + response.contentType());
                }
            });
        }
        assertTrue(offenders.isEmpty(), "expected a 4xx problem+json (or success):\n" + String.join("\n", offenders));
    }

    @Test
    @TestSecurity(user = "contract-caller", roles = {"youth-worker", "coordinator", "safeguarding-lead", "manager",
            "partner-council", "contact-reader", "invitation-reader", "ops"})
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-contract"), @Claim(key = "council", value = "E09000024")})
    void aBodyOfAnotherMediaTypeOrNoneIs415ProblemJson() {
        List<String> offenders = new ArrayList<>();
        Map<String, Function<RequestSpecification, RequestSpecification>> kinds = new LinkedHashMap<>();
        kinds.put("text/plain", r -> r.contentType("text/plain").body("{}"));
        kinds.put("application/xml", r -> r.contentType("application/xml").body("<a/>"));
        kinds.put("form", r -> r.contentType("application/x-www-form-urlencoded").body("a=1"));
        kinds.put("no Content-Type", r -> r.noContentType().body("{}".getBytes(StandardCharsets.UTF_8)));
        for (Operation op : jsonBodyOperations()) {
            kinds.forEach((kind, request) -> {
                Response response = send(op, request.apply(given()));
                if (response.statusCode() != 415 || !isProblem(response, 415)) {
                    offenders.add(op + " " + kind + " → " + response.statusCode() + " " + response.contentType());
                }
            });
        }
        assertTrue(offenders.isEmpty(), "expected 415 problem+json:\n" + String.join("\n", offenders));
    }

    @Test
    @TestSecurity(user = "contract-caller", roles = {"youth-worker", "coordinator", "safeguarding-lead", "manager",
            "partner-council", "contact-reader", "invitation-reader", "ops"})
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-contract"), @Claim(key = "council", value = "E09000024")})
    void aFiveMegabyteBodyIs413ProblemJson() {
        byte[] large = ("{\"a\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);
        for (Operation op : jsonBodyOperations().subList(0, 1)) {
            Response told = send(op, given().contentType("application/json").body(large));
            assertTrue(told.statusCode() == 413 && isProblem(told, 413), op + " with Content-Length → " + told.statusCode());
            Response chunked = send(op, given().contentType("application/json").body(new ByteArrayInputStream(large)));
            assertTrue(chunked.statusCode() == 413 && isProblem(chunked, 413), op + " streamed → " + chunked.statusCode());
        }
    }

    @Test
    @TestSecurity(user = "contract-caller", roles = {"youth-worker", "coordinator", "safeguarding-lead", "manager",
            "partner-council", "contact-reader", "invitation-reader", "ops"})
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-contract"), @Claim(key = "council", value = "E09000024")})
    void malformedPathAndQueryParametersAre400NamingTheParameter() {
        List<String> offenders = new ArrayList<>();
        for (Operation op : operations()) {
            for (Param p : op.params()) {
                String bad;
                if (p.isUuid()) {
                    bad = "not-a-uuid";
                } else if (p.isInteger()) {
                    bad = "99999999999999";
                } else if (!p.enumValues().isEmpty()) {
                    bad = "NO_SUCH_VALUE";
                } else {
                    continue;
                }
                RequestSpecification request = given();
                String path = p.in().equals("path") ? op.pathWith(p.name(), bad, SOME_ID) : op.validPath(SOME_ID);
                if (p.in().equals("query")) {
                    request.queryParam(p.name(), bad);
                }
                if (op.takesBody()) {
                    request.contentType("application/json").body("{}");
                }
                Response response = request.request(op.method().toUpperCase(), path);
                List<String> fields = response.statusCode() == 400 && isProblem(response, 400)
                        ? response.jsonPath().getList("errors.field", String.class) : List.of();
                if (fields == null || !fields.contains(p.name())) {
                    offenders.add(op + " " + p.in() + " " + p.name() + " → " + response.statusCode() + " " + response.asString());
                }
            }
        }
        assertTrue(offenders.isEmpty(), "expected 400 problem+json naming the parameter:\n" + String.join("\n", offenders));
    }

    @Test
    void malformedAcceptAndContentTypeHeadersAre400ProblemJson() {
        Operation op = operations().get(0);
        for (String accept : List.of("garbage", "text/html;;;", "application/json, ,")) {
            Response response = given().header("Accept", accept).request(op.method().toUpperCase(), op.validPath(SOME_ID));
            assertTrue(response.statusCode() == 400 && isProblem(response, 400), op + " Accept " + accept + " → " + response.statusCode());
        }
        Response badType = given().header("Content-Type", "json").body("{}".getBytes(StandardCharsets.UTF_8))
                .request(op.method().toUpperCase(), op.validPath(SOME_ID));
        assertTrue(badType.statusCode() == 400 && isProblem(badType, 400), op + " Content-Type json → " + badType.statusCode());
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private List<Operation> operations() {
        List<Operation> operations = OpenApiOperations.ofServiceUnderTest();
        assertFalse(operations.isEmpty(), "the OpenAPI document lists no operations");
        return operations;
    }

    private List<Operation> jsonBodyOperations() {
        List<Operation> withBody = operations().stream().filter(op -> op.bodyTypes().contains("application/json")).toList();
        assertFalse(withBody.isEmpty(), "no operation takes a JSON body");
        return withBody;
    }

    private Set<String> allowedTypes(Operation op) {
        Set<String> allowed = new java.util.HashSet<>(Set.of("application/json"));
        allowed.addAll(statedMediaTypes().getOrDefault(op.toString(), Set.of()));
        return allowed;
    }

    private static Response send(Operation op, RequestSpecification request) {
        if (op.takesBody() && !hasBody(request)) {
            request.contentType("application/json").body("{}");
        }
        return request.request(op.method().toUpperCase(), op.validPath(SOME_ID));
    }

    private static boolean hasBody(RequestSpecification request) {
        return ((io.restassured.specification.FilterableRequestSpecification) request).getBody() != null;
    }

    private static boolean isProblem(Response response, int status) {
        if (!String.valueOf(response.contentType()).startsWith(PROBLEM_JSON)) {
            return false;
        }
        Integer said = response.jsonPath().get("status");
        return said != null && said == status;
    }

    private static String unusedMethod(String path) {
        Set<String> used = new java.util.HashSet<>();
        OpenApiOperations.ofServiceUnderTest().stream().filter(op -> op.path().equals(path)).forEach(op -> used.add(op.method()));
        for (String method : List.of("delete", "patch", "put", "post")) {
            if (!used.contains(method)) {
                return method.toUpperCase();
            }
        }
        return "TRACE";
    }
}
