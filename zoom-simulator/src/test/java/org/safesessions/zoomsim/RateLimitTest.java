package org.safesessions.zoomsim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safesessions.zoomsim.state.RateLimitCategory;
import org.safesessions.zoomsim.state.ZoomPlan;

/**
 * Zoom's account rate limits: per second by request type and plan (Pro: Light 30, Medium 20, Heavy 10; Business
 * and above 80/60/40), and a host's 100 meetings created or updated per UTC day; over a limit 429 with Retry-After.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LimitsEnforced.class)
class RateLimitTest {

    /** The limits on, as in a packaged simulator (the other tests count but do not enforce them). */
    public static class LimitsEnforced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zoom-sim.rate-limits.enabled", "true");
        }
    }

    @BeforeEach
    void startFromAnEmptyAccount() {
        ZoomClient.resetSimulator();
    }

    @Test
    void proPlanAdmitsTwentyMediumRequestsInASecondAndRefusesTheRestWithRetryAfter() throws Exception {
        String token = ZoomClient.token();
        List<Response> answers = burst(100, () -> given().header("Authorization", "Bearer " + token)
                .get("/v2/users/me/settings"));

        List<Response> refused = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertEquals(100, answers.stream().filter(r -> r.statusCode() == 200).count() + refused.size());
        Response first = refused.getFirst();
        assertEquals("1", first.header("Retry-After"));
        assertEquals("Medium", first.header("X-RateLimit-Category"));
        assertEquals("Per-second-Limit", first.header("X-RateLimit-Type"));
        assertEquals("20", first.header("X-RateLimit-Limit"));
        assertEquals(429, first.jsonPath().getInt("code"));
        assertEquals("You have reached the maximum per-second rate limit for this API. Try again later.",
                first.jsonPath().getString("message"));

        JsonPath view = given().get("/_sim/rate-limits").then().statusCode(200)
                .body("plan", equalTo("PRO")).body("perSecond.MEDIUM", equalTo(20))
                .body("perSecond.LIGHT", equalTo(30)).body("perSecond.HEAVY", equalTo(10))
                .extract().jsonPath();
        List<Map<String, Object>> seconds = view.getList("seconds");
        int admitted = 0;
        for (Map<String, Object> second : seconds) {
            assertEquals("MEDIUM", second.get("category"));
            assertTrue((Integer) second.get("admitted") <= 20, "no second over the Medium limit: " + second);
            admitted += (Integer) second.get("admitted");
        }
        assertEquals(100 - refused.size(), admitted);
    }

    @Test
    void getUpdateAndDeleteMeetingAndAddRegistrantAreLightThirtyASecond() throws Exception {
        String token = ZoomClient.token();
        List<Response> answers = burst(80, () -> given().header("Authorization", "Bearer " + token)
                .get("/v2/meetings/81234567890"));
        assertTrue(answers.stream().anyMatch(r -> r.statusCode() == 429), "a burst of 80 in a second or two is refused in part");
        assertEquals("30", answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow()
                .header("X-RateLimit-Limit"));
        for (Map<String, Object> second : given().get("/_sim/rate-limits").jsonPath().<Map<String, Object>>getList("seconds")) {
            assertTrue((Integer) second.get("admitted") <= 30, "no second over the Light limit: " + second);
        }
        assertEquals(RateLimitCategory.MEDIUM, RateLimitCategory.of("POST", "/v2/users/me/meetings").orElseThrow());
        assertEquals(RateLimitCategory.LIGHT, RateLimitCategory.of("PATCH", "/v2/meetings/81234567890").orElseThrow());
        assertEquals(RateLimitCategory.LIGHT, RateLimitCategory.of("DELETE", "/v2/meetings/81234567890").orElseThrow());
        assertEquals(RateLimitCategory.LIGHT, RateLimitCategory.of("POST", "/v2/meetings/81234567890/registrants").orElseThrow());
        given().get("/_sim/requests?path=/v2/meetings/.*").then().body("category[0]", equalTo("LIGHT"));
    }

    @Test
    void businessAndAbovePlansHaveEightySixtyForty() {
        for (ZoomPlan plan : List.of(ZoomPlan.BUSINESS, ZoomPlan.BUSINESS_PLUS, ZoomPlan.ENTERPRISE, ZoomPlan.EDUCATION)) {
            assertEquals(80, plan.perSecond(RateLimitCategory.LIGHT));
            assertEquals(60, plan.perSecond(RateLimitCategory.MEDIUM));
            assertEquals(40, plan.perSecond(RateLimitCategory.HEAVY));
        }
        assertEquals(10, ZoomPlan.PRO.perSecond(RateLimitCategory.HEAVY));
    }

    @Test
    void aHostHasAHundredMeetingsCreatedOrUpdatedPerUtcDay() {
        String token = ZoomClient.token();
        String body = "{\"topic\":\"Busy day\",\"type\":2}";
        long meetingId = ((Number) paced(() -> given().header("Authorization", "Bearer " + token)
                .contentType("application/json").body(body).post("/v2/users/daily-host/meetings"))
                .then().statusCode(201).extract().path("id")).longValue();
        for (int i = 0; i < 49; i++) {
            paced(() -> given().header("Authorization", "Bearer " + token).contentType("application/json").body(body)
                    .post("/v2/users/daily-host/meetings")).then().statusCode(201);
        }
        for (int i = 0; i < 50; i++) {
            int minutes = 30 + i;
            paced(() -> given().header("Authorization", "Bearer " + token).contentType("application/json")
                    .body("{\"duration\":" + minutes + "}").patch("/v2/meetings/" + meetingId)).then().statusCode(204);
        }
        Response refused = paced(() -> given().header("Authorization", "Bearer " + token)
                .contentType("application/json").body("{\"duration\":45}").patch("/v2/meetings/" + meetingId));
        refused.then().statusCode(429).body("code", equalTo(429))
                .body("message", equalTo("You have exceeded the daily rate limit (100) of Meeting Create/Update API "
                        + "requests permitted for this particular user. You may resume these requests at GMT 00:00:00."));
        assertEquals("Daily-limit", refused.header("X-RateLimit-Type"));
        Instant resumes = Instant.parse(refused.header("Retry-After"));
        assertTrue(resumes.isAfter(Instant.now()) && resumes.getEpochSecond() % 86_400 == 0, "next 00:00 UTC");
        given().get("/_sim/rate-limits").then().body("meetingsPerHostPerDay", equalTo(100))
                .body("hostsToday.daily-host", equalTo(100));
    }

    /** Fires {@code count} requests from 25 threads at once. */
    private static List<Response> burst(int count, Supplier<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(request::get));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    /** A client that keeps to the per-second limit: after a per-second 429 it waits its Retry-After and tries again. */
    static Response paced(Supplier<Response> request) {
        while (true) {
            Response answer = request.get();
            if (answer.statusCode() != 429 || !"Per-second-Limit".equals(answer.header("X-RateLimit-Type"))) {
                return answer;
            }
            try {
                Thread.sleep(Long.parseLong(answer.header("Retry-After")) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
        }
    }
}
