package org.safesessions.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import org.safesessions.events.session.UnknownParticipantJoinedV1;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.testkit.DemoStaff;
import org.safesessions.testkit.Events;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safesessions.testkit.Eventually.await;

/** Each staff member's in-app feed: listed newest first, read and unread, and pushed live as server-sent events. */
@QuarkusTest
class InAppFeedTest extends NotificationFixtures {

    @TestHTTPResource("/me/notifications/stream")
    URL stream;

    private String alert(String organisation, String... facilitators) {
        UUID session = UUID.randomUUID();
        return Events.publish("/session-service", session, new UnknownParticipantJoinedV1(session, organisation,
                "zoom-p-" + session, OffsetDateTime.now(clock), List.of(facilitators)));
    }

    private UUID inAppItem(String event, String userName) {
        await("shown in the feed", () -> deliveriesOf(event).stream().anyMatch(d -> d.channel == Channel.IN_APP
                && d.status == DeliveryStatus.SENT && d.staffUserName.equals(userName)));
        return deliveriesOf(event).stream().filter(d -> d.channel == Channel.IN_APP && d.staffUserName.equals(userName))
                .findFirst().orElseThrow().id;
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void staffMemberReadsTheirFeedAndMarksItemsReadAndUnread() {
        UUID id = inAppItem(alert("org-a", "worker-a"), "worker-a");
        given().get("/me/notifications?size=200").then().statusCode(200)
                .body("items.id", hasItem(id.toString()))
                .body("items.find { it.id == '" + id + "' }.title", org.hamcrest.Matchers.startsWith("URGENT: unknown participant"))
                .body("items.find { it.id == '" + id + "' }.urgent", equalTo(true))
                .body("items.find { it.id == '" + id + "' }.readAt", nullValue());
        given().put("/me/notifications/" + id + "/read").then().statusCode(200).body("readAt", notNullValue());
        given().get("/me/notifications?unread=true&size=200").then().statusCode(200).body("items.id", not(hasItem(id.toString())));
        given().delete("/me/notifications/" + id + "/read").then().statusCode(200).body("readAt", nullValue());
        given().get("/me/notifications?unread=true&size=200").then().statusCode(200).body("items.id", hasItem(id.toString()));
        given().get("/me/notifications?page=-1").then().statusCode(400);
        given().put("/me/notifications/not-a-uuid/read").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void feedTotalsCountTheCallersShownMessagesReadOrUnread() {
        UUID read = inAppItem(alert("org-a", "worker-a"), "worker-a");
        given().put("/me/notifications/" + read + "/read").then().statusCode(200);
        inAppItem(alert("org-a", "worker-a"), "worker-a");
        long all = shownToWorkerA(false);
        long unread = shownToWorkerA(true);
        assertTrue(all >= 2 && unread < all, all + " shown, " + unread + " unread");
        given().get("/me/notifications?size=1").then().statusCode(200).body("total", equalTo((int) all));
        given().get("/me/notifications?unread=true&size=1").then().statusCode(200).body("total", equalTo((int) unread));
    }

    /** Counted as the feed's rule says: worker-a's own shown in-app messages in org-a, by their Keycloak id. */
    private static long shownToWorkerA(boolean unreadOnly) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.count("organisation = 'org-a' and staffUserId = ?1"
                + " and channel = ?2 and status = ?3" + (unreadOnly ? " and readAt is null" : ""), DemoStaff.WORKER_A,
                Channel.IN_APP, DeliveryStatus.SENT));
    }

    @Test
    @TestSecurity(user = "worker2-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker2-a"), @Claim(key = "sub", value = DemoStaff.WORKER2_A)})
    void someoneElsesItemIs404AndNotListed() {
        UUID theirs = inAppItem(alert("org-a", "worker-a"), "worker-a");
        given().put("/me/notifications/" + theirs + "/read").then().statusCode(404);
        given().delete("/me/notifications/" + theirs + "/read").then().statusCode(404);
        given().get("/me/notifications?size=200").then().statusCode(200).body("items.id", not(hasItem(theirs.toString())));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-b"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void sameUserNameInAnotherOrganisationSeesNothingOfOrgA() {
        UUID orgAItem = inAppItem(alert("org-a", "worker-a"), "worker-a");
        given().put("/me/notifications/" + orgAItem + "/read").then().statusCode(404);
        given().get("/me/notifications?size=200").then().statusCode(200).body("items.id", not(hasItem(orgAItem.toString())));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void newMessagesArePushedAsServerSentEvents() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<java.io.InputStream>> response = http.sendAsync(
                HttpRequest.newBuilder(URI.create(stream.toString())).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(response.join().body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception ignored) {
                // the stream is closed when the test ends
            }
        });
        try {
            await("the stream is open", () -> response.isDone());
            assertTrue(response.join().statusCode() == 200, "status " + response.join().statusCode());
            // the stream reads where it starts on its first pass, after the response has started: an item shown
            // before that read would be taken as already seen; a keep-alive comment comes only after it
            await("the stream has read where it starts (a keep-alive follows)", () -> lines.stream().anyMatch(l -> l.startsWith(":")));
            String event = alert("org-a", "dsl-a", "worker-a");
            UUID id = inAppItem(event, "dsl-a");
            await("the item is pushed", () -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(id.toString())));
            int data = lines.indexOf(lines.stream().filter(l -> l.startsWith("data:") && l.contains(id.toString())).findFirst().orElseThrow());
            assertTrue(lines.subList(0, data).stream().anyMatch(l -> l.startsWith("id:")), "every event has an id");
            assertTrue(lines.stream().filter(l -> l.startsWith("data:")).allMatch(l -> !l.contains("worker-a\"")),
                    "only the caller's own messages");
        } finally {
            response.thenAccept(r -> {
                try {
                    r.body().close();
                } catch (Exception ignored) {
                    // closing
                }
            });
            reader.interrupt();
            http.close();
        }
    }

    @Test
    void feedNeedsAToken() {
        given().get("/me/notifications").then().statusCode(401);
        given().get("/me/notifications/stream").then().statusCode(401);
        given().put("/me/notifications/" + UUID.randomUUID() + "/read").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilHasNoFeed() {
        given().get("/me/notifications").then().statusCode(403);
        given().get("/me/notifications/stream").then().statusCode(403);
        given().put("/me/notifications/" + UUID.randomUUID() + "/read").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void managersSeeInAppDeliveriesAmongTheRecordsButNotTheirText() {
        String event = alert("org-a", "worker-a");
        UUID id = inAppItem(event, "worker-a");
        given().get("/notifications/" + id).then().statusCode(200).body("channel", equalTo("IN_APP"))
                .body("status", equalTo("SENT")).body("body", nullValue());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>findById(id).body) != null);
    }
}
