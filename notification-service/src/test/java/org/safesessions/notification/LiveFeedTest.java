package org.safesessions.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.EventJson;
import org.safesessions.events.session.MeetingProvisioningFailedV1;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.DeliveryStatus;
import org.safesessions.notification.domain.StaffContact;
import org.safesessions.testkit.DemoStaff;
import org.safesessions.testkit.Events;
import org.safesessions.testkit.KeycloakResource;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live feed never misses an item (SPEC §6): every event has an id (the message's place in the caller's feed), a
 * client that reconnects with Last-Event-ID is first sent what it missed and then the live stream, nothing lost and
 * nothing twice, never anyone else's; a keep-alive comment keeps the connection open.
 */
@QuarkusTest
class LiveFeedTest extends NotificationFixtures {

    /** A coordinator of an organisation of their own, so their feed holds only what these tests give it. */
    static final String ORGANISATION = "org-feed";
    static final String COORDINATOR = "feed-coord";
    /** {@link KeycloakResource#idOf} of {@link #COORDINATOR} (checked below), for the tests' token claims. */
    static final String COORDINATOR_ID = "90353ea0-64d1-3b8b-942d-1aa71af097f9";

    @TestHTTPResource("/me/notifications/stream")
    URL stream;

    @BeforeEach
    void theCoordinatorIsStaffWhoPrefersSms() {
        String id = KeycloakResource.addUser(ORGANISATION, COORDINATOR, "coordinator");
        QuarkusTransaction.requiringNew().run(() -> {
            if (StaffContact.of(ORGANISATION, id).isEmpty()) {
                StaffContact c = new StaffContact();
                c.organisation = ORGANISATION;
                c.userId = id;
                c.phone = "+44 7700 900123";
                c.preferredChannel = StaffContact.PreferredChannel.SMS; // in-app + SMS: no email to wait for
                c.updatedBy = "test";
                c.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                c.persist();
            }
        });
    }

    @Test
    void theCoordinatorsIdIsTheStandInsId() {
        assertEquals(KeycloakResource.idOf(COORDINATOR), COORDINATOR_ID);
    }

    /** A provisioning failure: one in-app message for the coordinator. */
    private String itemFor() {
        UUID session = UUID.randomUUID();
        return Events.publish("/session-service", session, new MeetingProvisioningFailedV1(session, ORGANISATION,
                "HTTP_503", 6, OffsetDateTime.now(clock).plusDays(2), OffsetDateTime.now(clock)));
    }

    /** The coordinator's in-app message for an event, once shown. */
    private static Delivery shown(String event) {
        await("shown in the feed", () -> deliveriesOf(event).stream().anyMatch(LiveFeedTest::inAppShown));
        return deliveriesOf(event).stream().filter(LiveFeedTest::inAppShown).findFirst().orElseThrow();
    }

    private static boolean inAppShown(Delivery d) {
        return d.channel == Channel.IN_APP && d.status == DeliveryStatus.SENT && COORDINATOR_ID.equals(d.staffUserId);
    }

    private static String itemId(SseClient.Event event) {
        try {
            JsonNode item = EventJson.mapper().readTree(event.data());
            assertEquals(event.id(), item.path("position").asText(), "the event id is the item's place");
            return item.path("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until a stream has read the place it starts from: it does so on its first pass, after the response has
     * started, and an item shown before that read counts as already seen. A keep-alive comment comes only after it.
     */
    private static void awaitStarted(SseClient client) {
        await("the stream has read where it starts (a keep-alive follows)", () -> client.comments.get() >= 1);
    }

    private URI stream() {
        return URI.create(stream.toString());
    }

    @Test
    @TestSecurity(user = COORDINATOR, roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = ORGANISATION), @Claim(key = "preferred_username", value = COORDINATOR),
            @Claim(key = "sub", value = COORDINATOR_ID)})
    void aClientThatReconnectsWithLastEventIdGetsEveryItemExactlyOnce() throws Exception {
        List<String> events = new ArrayList<>();
        SseClient first = SseClient.open(stream(), null);
        List<SseClient.Event> beforeTheDrop;
        try {
            assertEquals(200, first.status);
            assertTrue(first.contentType.startsWith("text/event-stream"), first.contentType);
            awaitStarted(first);
            for (int i = 0; i < 25; i++) {
                events.add(itemFor());
            }
            await("the first items arrive", () -> first.events.size() >= 5);
        } finally {
            first.close(); // dropped mid-burst
        }
        beforeTheDrop = List.copyOf(first.events);
        String lastSeen = beforeTheDrop.getLast().id();
        for (int i = 25; i < 50; i++) {
            events.add(itemFor()); // the rest of the burst while the client is away
        }
        assertTrue(beforeTheDrop.size() < 50, "the connection dropped before the burst was over");

        try (SseClient second = SseClient.open(stream(), lastSeen)) {
            assertEquals(200, second.status);
            await("every item arrives", () -> second.events.size() + beforeTheDrop.size() >= 50);
            Thread.sleep(1500); // a keep-alive or more: nothing else, nothing twice, arrives late
            List<SseClient.Event> all = Stream.concat(beforeTheDrop.stream(), second.events.stream()).toList();
            Set<String> expected = new HashSet<>();
            events.forEach(e -> expected.add(shown(e).id.toString()));
            List<String> received = all.stream().map(LiveFeedTest::itemId).toList();
            assertEquals(50, received.size(), "each item once: " + received.size());
            assertEquals(expected, new HashSet<>(received));
            long firstPlace = Long.parseLong(all.getFirst().id());
            for (int i = 0; i < all.size(); i++) {
                assertEquals(firstPlace + i, Long.parseLong(all.get(i).id()), "in order, none skipped");
            }
            assertEquals(Long.parseLong(lastSeen) + 1, Long.parseLong(second.events.getFirst().id()),
                    "the reconnected stream starts right after the last event seen");
        }
    }

    @Test
    @TestSecurity(user = COORDINATOR, roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = ORGANISATION), @Claim(key = "preferred_username", value = COORDINATOR),
            @Claim(key = "sub", value = COORDINATOR_ID)})
    void aQuietStreamGetsKeepAliveComments() throws Exception {
        try (SseClient client = SseClient.open(stream(), null)) {
            assertEquals(200, client.status);
            long opened = System.nanoTime();
            await("two keep-alives (every 1 s in tests)", () -> client.comments.get() >= 2);
            assertTrue(Duration.ofNanos(System.nanoTime() - opened).toSeconds() < 10, "at the configured interval");
            assertTrue(client.events.isEmpty(), "no items, only comments");
        }
    }

    @Test
    @TestSecurity(user = COORDINATOR, roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = ORGANISATION), @Claim(key = "preferred_username", value = COORDINATOR),
            @Claim(key = "sub", value = COORDINATOR_ID)})
    void replayReachesBackOnlyAsFarAsTheReplayWindow() throws Exception {
        clock.setTo(clock.instant().minus(Duration.ofHours(25)));
        Delivery old = shown(itemFor());
        clock.reset();
        Delivery recent = shown(itemFor());
        try (SseClient client = SseClient.open(stream(), String.valueOf(old.feedPosition - 1))) {
            await("the recent item is replayed", () -> client.events.stream().anyMatch(e -> e.id().equals(String.valueOf(recent.feedPosition))));
            await("a keep-alive after the replay", () -> client.comments.get() >= 1);
            assertFalse(client.events.stream().anyMatch(e -> itemId(e).equals(old.id.toString())),
                    "an item shown more than 24 h ago is not replayed");
        }
    }

    @Test
    @TestSecurity(user = COORDINATOR, roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = ORGANISATION), @Claim(key = "preferred_username", value = COORDINATOR),
            @Claim(key = "sub", value = COORDINATOR_ID)})
    void anIdBeyondTheCallersLastCountsAsTheirLast() throws Exception {
        try (SseClient client = SseClient.open(stream(), "999999999999")) {
            assertEquals(200, client.status);
            awaitStarted(client);
            Delivery item = shown(itemFor());
            await("the new item still arrives", () -> client.events.stream().anyMatch(e -> itemId(e).equals(item.id.toString())));
        }
    }

    @Test
    @TestSecurity(user = "worker2-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker2-a"),
            @Claim(key = "sub", value = DemoStaff.WORKER2_A)})
    void anotherUsersItemsAreNeverReplayed() throws Exception {
        Delivery theirs = shown(itemFor());
        try (SseClient client = SseClient.open(stream(), "0")) {
            assertEquals(200, client.status);
            await("the replay is over (a keep-alive follows it)", () -> client.comments.get() >= 1);
            assertFalse(client.events.stream().anyMatch(e -> itemId(e).equals(theirs.id.toString())));
        }
    }

    @Test
    @TestSecurity(user = COORDINATOR, roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-b"), @Claim(key = "preferred_username", value = COORDINATOR),
            @Claim(key = "sub", value = COORDINATOR_ID)})
    void theSameUserInAnotherOrganisationIsReplayedNothingOfTheFirst() throws Exception {
        Delivery orgFeedItem = shown(itemFor());
        try (SseClient client = SseClient.open(stream(), "0")) {
            assertEquals(200, client.status);
            await("the replay is over (a keep-alive follows it)", () -> client.comments.get() >= 1);
            assertFalse(client.events.stream().anyMatch(e -> itemId(e).equals(orgFeedItem.id.toString())));
        }
    }

    @Test
    @TestSecurity(user = COORDINATOR, roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = ORGANISATION), @Claim(key = "preferred_username", value = COORDINATOR),
            @Claim(key = "sub", value = COORDINATOR_ID)})
    void aLastEventIdThisStreamNeverSentIs400NamingTheHeader() {
        for (String bad : List.of("abc", "-1", "1.5", "12345678901234567890", "1e3")) {
            given().accept("text/event-stream").header("Last-Event-ID", bad).get("/me/notifications/stream")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("Last-Event-ID"));
        }
    }

    @Test
    void theStreamNeedsAToken() {
        given().accept("text/event-stream").header("Last-Event-ID", "1").get("/me/notifications/stream")
                .then().statusCode(401);
    }
}
