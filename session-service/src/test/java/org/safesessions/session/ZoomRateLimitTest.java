package org.safesessions.session;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.EventType;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.SessionKind;
import org.safesessions.session.application.SessionBooking;
import org.safesessions.session.client.ZoomRateCategory;
import org.safesessions.session.client.ZoomRateLimits;
import org.safesessions.session.domain.ProvisioningState;
import org.safesessions.session.domain.ZoomMeeting;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safesessions.session.Fixtures.consentedGroup;
import static org.safesessions.testkit.Eventually.await;

/**
 * Zoom's account rate limits (SPEC §4): calls are paced per category by shared rolling one-second windows,
 * registrants are provisioned concurrently within them, and a 429 slows provisioning down without counting as a
 * failed attempt. Against the zoom-simulator process on the Pro plan (Light 30/s, Medium 20/s), which counts every
 * UTC second of its own clock.
 */
@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class ZoomRateLimitTest extends SessionTestStack {

    /**
     * A burst ten times what a second allows: 30 sessions of 10 invitees booked at once (300 registrants against
     * Light's 30 a second, 30 meetings against Medium's 20). Issue 16's full 100 × 10, and the rate it reaches, are
     * the benchmark's (bench/invitation-emails.sh, through the running suite): the rule tested here holds the same.
     */
    private static final int SESSIONS = 30;
    private static final int INVITEES = 10;

    @BeforeEach
    void zoomApproved() {
        Fixtures.approve("org-a", Platform.ZOOM);
    }

    @AfterEach
    void noFaultsLeft() {
        ZoomSim.clearFaults();
    }

    @Test
    void aBurstOfProvisioningStaysWithinThePlanLimitsInEverySecondAndLosesNoRegistrant() {
        List<List<UUID>> groups = QuarkusTransaction.requiringNew().call(() -> {
            List<List<UUID>> consented = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                consented.add(consentedGroup("org-a", INVITEES, Platform.ZOOM));
            }
            return consented;
        });
        long logBefore = lastLoggedSequence();
        long bookingStarts = System.nanoTime();
        // the burst: every session booked in one transaction, so all fall due for Zoom at once; all at the same time
        // on a day no other test uses, so each is given a host of its own and no host meets Zoom's daily limit
        SessionBooking booking = Arc.container().instance(SessionBooking.class).get();
        OffsetDateTime slot = Fixtures.workingDayAt(60, 10);
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> booked = new ArrayList<>();
            for (List<UUID> group : groups) {
                booked.add(booking.book("org-a", new SessionBooking.Booking(SessionKind.GROUP, "Art club", slot,
                        slot.plusHours(1), Platform.ZOOM, Set.of("worker-a", "worker2-a"), Set.copyOf(group),
                        true, null), "coord-a").id);
                // written and forgotten: the bookings' entities would be checked at every later query's flush
                Panache.getEntityManager().flush();
                Panache.getEntityManager().clear();
            }
            return booked;
        });
        long booked = System.nanoTime();
        await("every session is on Zoom", Duration.ofSeconds(150), () -> QuarkusTransaction.requiringNew().call(() ->
                ZoomMeeting.count("sessionId in ?1 and state = ?2", ids, ProvisioningState.READY)) == SESSIONS);
        System.out.printf("Zoom burst: %d sessions × %d invitees booked in %.1f s, all READY %.1f s later%n", SESSIONS,
                INVITEES, (booked - bookingStarts) / 1e9, (System.nanoTime() - booked) / 1e9);

        List<Map<String, Object>> onZoom = given().baseUri(ZoomSimulatorResource.baseUrl()).get("/_sim/meetings")
                .then().statusCode(200).extract().jsonPath().getList("$");
        for (int i = 0; i < SESSIONS; i++) {
            String id = ids.get(i).toString();
            List<Map<String, Object>> meetings = onZoom.stream()
                    .filter(m -> String.valueOf(m.get("agenda")).contains(id)).toList();
            assertEquals(1, meetings.size(), "one meeting per session");
            Set<String> registered = new HashSet<>();
            ZoomProvisioningTest.activeRegistrants(meetings.get(0)).forEach(r -> registered.add((String) r.get("email")));
            Set<String> invited = new HashSet<>();
            groups.get(i).forEach(yp -> invited.add(yp + "@invitees.safesessions.invalid"));
            assertEquals(invited, registered, "no registrant lost, none extra");
            assertEquals(INVITEES, Fixtures.events(EventType.PARTICIPANT_INVITED.type(), id));
        }

        // the simulator's own request log of the burst, counted per UTC second of its arrival, as Zoom counts
        JsonPath limits = given().baseUri(ZoomSimulatorResource.baseUrl()).get("/_sim/rate-limits").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> burst = given().baseUri(ZoomSimulatorResource.baseUrl())
                .queryParam("path", "/v2/.*").get("/_sim/requests").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream()
                .filter(r -> ((Number) r.get("sequence")).longValue() > logBefore && r.get("category") != null).toList();
        assertTrue(burst.stream().noneMatch(r -> Integer.valueOf(429).equals(r.get("status"))),
                "paced, never refused for the rate");
        assertEquals(SESSIONS, burst.stream().filter(r -> "POST".equals(r.get("method"))
                && String.valueOf(r.get("path")).matches("/v2/users/[^/]+/meetings")).count(), "one create per session");
        assertEquals(0, burst.stream().filter(r -> "GET".equals(r.get("method"))
                && String.valueOf(r.get("path")).matches("/v2/users/[^/]+/meetings")).count(),
                "a meeting never sent is not looked for first");
        for (String category : List.of("LIGHT", "MEDIUM", "HEAVY")) {
            int limit = limits.getInt("perSecond." + category);
            List<Instant> times = burst.stream().filter(r -> category.equals(r.get("category")))
                    .map(r -> Instant.parse((String) r.get("time"))).sorted().toList();
            Map<Long, Integer> perSecond = new TreeMap<>();
            times.forEach(t -> perSecond.merge(t.getEpochSecond(), 1, Integer::sum));
            perSecond.forEach((second, count) -> assertTrue(count <= limit,
                    category + ": " + count + " requests in the second from " + Instant.ofEpochSecond(second)
                            + ", over the limit of " + limit));
            if (times.size() > 1) {
                // the rate reached is a measure of the machine (SPEC §10's figure is the benchmark's): printed, not asserted
                double seconds = Duration.between(times.getFirst(), times.getLast()).toNanos() / 1e9;
                double rate = (times.size() - 1) / seconds;
                System.out.printf("Zoom %s: %d requests in %.1f s = %.1f/s, %.0f%% of the plan's %d/s "
                                + "(window %d; busiest second %d)%n", category, times.size(), seconds, rate,
                        100 * rate / limit, limit, rateLimits().perWindow(ZoomRateCategory.valueOf(category)),
                        perSecond.values().stream().max(Integer::compare).orElse(0));
            }
        }
    }

    @Test
    void aRateLimitSlowsProvisioningDownAndIsNeverAFailedAttempt() {
        ZoomSim.fault("{\"method\":\"POST\",\"path\":\"/v2/meetings/[0-9]+/registrants\",\"status\":429,\"retryAfterSeconds\":1,\"times\":10}");
        String id = Fixtures.bookGroup(Platform.ZOOM, consentedGroup("org-a", 3, Platform.ZOOM));
        await("provisioned despite ten 429s", Duration.ofSeconds(60),
                () -> "READY".equals(ZoomProvisioningTest.provisioning(id)));
        given().get("/sessions/" + id).then().body("provisioning.attempts", org.hamcrest.Matchers.equalTo(0));
        assertEquals(3, ZoomProvisioningTest.activeRegistrants(ZoomSim.meetingsOf(id).get(0)).size());
        assertEquals(0, Fixtures.events(EventType.MEETING_PROVISIONING_FAILED.type(), id));
    }

    private static ZoomRateLimits rateLimits() {
        return Arc.container().instance(ZoomRateLimits.class).get();
    }

    /** The simulator numbers requests as they arrive: the burst is what comes after this. */
    private static long lastLoggedSequence() {
        List<Number> sequences = given().baseUri(ZoomSimulatorResource.baseUrl()).get("/_sim/requests").then()
                .statusCode(200).extract().jsonPath().getList("sequence");
        return sequences.stream().mapToLong(Number::longValue).max().orElse(0);
    }
}
