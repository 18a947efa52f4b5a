package org.safesessions.session;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.SessionKind;
import org.safesessions.kit.crypto.FieldCipher;
import org.safesessions.kit.crypto.KeyRotation;
import org.safesessions.kit.crypto.KeyRotationMetrics;
import org.safesessions.session.application.SessionBooking;
import org.safesessions.session.domain.Invitation;
import org.safesessions.session.domain.MeetingSecrets;
import org.safesessions.session.domain.ProvisioningState;
import org.safesessions.session.domain.WaitingRoomEntry;
import org.safesessions.session.domain.ZoomMeeting;
import org.safesessions.session.domain.ZoomRegistrant;
import org.safesessions.testkit.Eventually;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safesessions.session.Fixtures.consentedGroup;
import static org.safesessions.testkit.Eventually.await;

/**
 * Key rotation finished (SPEC §4, §5): meeting passcodes, personal join links and waiting-room names sealed with the tests' key
 * ({@code local1}), a second key made active, the job re-seals them, and with {@code local1} removed they still
 * open through {@link MeetingSecrets} and the join details. The configuration change is made by replacing the
 * service's {@link FieldCipher} with one built from the keys a changed configuration holds; the second key lives
 * only in this test.
 */
@QuarkusTest
class KeyRotationTest extends SessionTestStack {

    private static final String KEY_1 = ConfigProvider.getConfig().getValue("safesessions.crypto.keys.local1", String.class);
    /** Base64 of 32 random bytes, a test key only. */
    private static final String KEY_2 = "gRpRnIEpKNVRwZizBAYodZ6lXOT+5Yxy7igay2kTCWI=";

    @Inject
    KeyRotation rotation;

    @Inject
    MeetingSecrets secrets;

    @Inject
    MeterRegistry registry;

    /**
     * Back to the tests' configuration: everything re-sealed with local1, so that the tests after this one, whose
     * configuration lists no second key, open every row.
     */
    @AfterEach
    void everythingBackOnLocal1() {
        configure("local1", "local1", "test2");
        assertTrue(rotation.run().complete());
        assertEquals(0, onOldKeys());
    }

    private static void configure(String active, String... listed) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String id : listed) {
            keys.put(id, id.equals("local1") ? KEY_1 : KEY_2);
        }
        QuarkusMock.installMockForType(new FieldCipher(keys, active), FieldCipher.class);
    }

    /** A Zoom group session provisioned (passcode and two join links sealed with local1); returns its id. */
    private static UUID provisionedZoomSession(List<UUID> group) {
        Fixtures.approve("org-a", Platform.ZOOM);
        SessionBooking booking = Arc.container().instance(SessionBooking.class).get();
        UUID id = QuarkusTransaction.requiringNew().call(() -> booking.book("org-a", new SessionBooking.Booking(
                SessionKind.GROUP, "Film club", Fixtures.workingDayAt(3, 10), Fixtures.workingDayAt(3, 11),
                Platform.ZOOM, Set.of("worker-a", "worker2-a"), Set.copyOf(group), true, null), "coord-a").id);
        await("Zoom provisioning is done", () -> QuarkusTransaction.requiringNew().call(() -> {
            ZoomMeeting m = ZoomMeeting.findById(id);
            return m != null && m.state == ProvisioningState.READY
                    && ZoomRegistrant.count("key.sessionId = ?1 and joinUrl is not null", id) == group.size();
        }));
        return id;
    }

    private record Stored(String passcodeKey, String passcode, List<String> joinUrlKeys, List<String> joinUrls) {
    }

    private Stored stored(UUID session, List<UUID> group) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ZoomMeeting m = ZoomMeeting.findById(session);
            List<ZoomRegistrant> registrants = group.stream()
                    .map(yp -> ZoomRegistrant.<ZoomRegistrant>findById(key(session, yp))).toList();
            return new Stored(m.passcodeKey, secrets.passcode(m),
                    registrants.stream().map(r -> r.joinUrlKey).toList(),
                    registrants.stream().map(secrets::joinUrl).toList());
        });
    }

    private static Invitation.Key key(UUID session, UUID youngPerson) {
        Invitation.Key key = new Invitation.Key();
        key.sessionId = session;
        key.youngPersonId = youngPerson;
        return key;
    }

    private double gauge(String table, String column) {
        return registry.find(KeyRotationMetrics.ROWS_ON_OLD_KEYS).tag("table", table).tag("column", column).gauge().value();
    }

    private long onOldKeys() {
        return rotation.counts().stream().mapToLong(KeyRotation.ColumnCount::rowsOnOldKeys).sum();
    }

    @Test
    @TestSecurity(user = "notification-service", roles = "invitation-reader")
    void passcodesAndJoinLinksAreResealedAndOpenWithTheOldKeyRemoved() {
        List<UUID> group = consentedGroup("org-a", 2, Platform.ZOOM);
        UUID session = provisionedZoomSession(group);
        Stored before = stored(session, group);
        assertEquals("local1", before.passcodeKey());
        assertEquals(List.of("local1", "local1"), before.joinUrlKeys());

        configure("test2", "local1", "test2");
        assertTrue(gauge("zoom_meeting", "passcode") >= 1);
        assertTrue(gauge("zoom_registrant", "join_url") >= 2);
        KeyRotation.Run run = rotation.run();
        assertTrue(run.complete());
        assertEquals(0, run.unreadable());
        assertEquals(0, onOldKeys());
        assertEquals(0.0, gauge("zoom_meeting", "passcode"));
        assertEquals(0.0, gauge("zoom_registrant", "join_url"));
        given().get("/q/metrics").then().statusCode(200).body(containsString(
                "safesessions_crypto_rows_on_old_keys{column=\"join_url\",table=\"zoom_registrant\"} 0.0"));

        configure("test2", "test2"); // local1 removed from the configuration
        assertEquals(List.of(), rotation.keysNotConfigured());
        Stored after = stored(session, group);
        assertEquals("test2", after.passcodeKey());
        assertEquals(List.of("test2", "test2"), after.joinUrlKeys());
        assertEquals(before.passcode(), after.passcode());
        assertEquals(before.joinUrls(), after.joinUrls());
        given().get("/sessions/" + session + "/invitations/" + group.get(0) + "/join-details?organisation=org-a")
                .then().statusCode(200).body("passcode", equalTo(before.passcode()))
                .body("joinUrl", equalTo(before.joinUrls().get(0)));
    }

    @Test
    void waitingRoomNamesAreResealedAndOpenWithTheOldKeyRemoved() {
        List<UUID> group = consentedGroup("org-a", 1, Platform.ZOOM);
        UUID session = provisionedZoomSession(group);
        String participant = "wr-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> WaitingRoomEntry.arrived(session, participant, "Stranger Name",
                secrets::sealDisplayName, java.time.OffsetDateTime.now()));
        configure("test2", "local1", "test2");
        assertTrue(gauge("waiting_room_entry", "display_name_sealed") >= 1);
        assertTrue(rotation.run().complete());
        assertEquals(0.0, gauge("waiting_room_entry", "display_name_sealed"));

        configure("test2", "test2"); // local1 removed from the configuration
        QuarkusTransaction.requiringNew().run(() -> {
            WaitingRoomEntry entry = WaitingRoomEntry.of(session, participant).orElseThrow();
            assertEquals("test2", entry.displayNameKey);
            assertEquals("Stranger Name", secrets.displayName(entry));
        });
    }

    @Test
    void anInterruptedRunIsContinuedByTheNextAndChangesNothingTwice() {
        List<UUID> group = consentedGroup("org-a", 3, Platform.ZOOM);
        UUID session = provisionedZoomSession(group);
        Stored before = stored(session, group);
        configure("test2", "local1", "test2");
        long waiting = onOldKeys();
        assertTrue(waiting >= 4);

        KeyRotation.Run cut = rotation.run(1, 1); // stopped after one batch of one row, as by a restart
        assertFalse(cut.complete());
        assertEquals(1, cut.resealed());
        assertEquals(waiting - 1, onOldKeys());

        KeyRotation.Run rest = rotation.run(2, Integer.MAX_VALUE); // several batches over the composite key
        assertTrue(rest.complete());
        assertEquals(waiting - 1, rest.resealed(), "the next run re-seals only what the first left");
        assertEquals(0, rotation.run().resealed(), "running again changes nothing");
        configure("test2", "test2");
        Stored after = stored(session, group);
        assertEquals(List.of("test2", "test2", "test2"), after.joinUrlKeys());
        assertEquals(before.joinUrls(), after.joinUrls());
        assertEquals(before.passcode(), after.passcode());
    }

    @Test
    void startWarnsOfRowsOnAKeyThatIsNotConfigured() {
        List<UUID> group = consentedGroup("org-a", 1, Platform.ZOOM);
        UUID session = provisionedZoomSession(group);
        configure("test2", "test2"); // local1 removed too early
        List<String> warnings = rotation.keysNotConfigured();
        for (String column : List.of("zoom_meeting.passcode", "zoom_registrant.join_url")) {
            assertTrue(warnings.stream().anyMatch(m -> m.contains(" rows of " + column
                    + " are sealed with key 'local1', which is not configured")), warnings.toString());
        }
        assertTrue(rotation.run().unreadable() >= 2, "what does not open is counted and left");
        configure("test2", "local1", "test2"); // listed again: the next run finishes
        assertTrue(rotation.run().complete());
        assertEquals("test2", stored(session, group).passcodeKey());
    }

    @Test
    @TestSecurity(user = "ops-1", roles = "ops")
    void opsSeeRowsPerKeyAndStartTheRun() {
        List<UUID> group = consentedGroup("org-a", 1, Platform.ZOOM);
        UUID session = provisionedZoomSession(group);
        configure("test2", "local1", "test2");
        given().get("/ops/key-rotation").then().statusCode(200)
                .body("activeKey", equalTo("test2"))
                .body("columns.find { it.table == 'zoom_meeting' }.column", equalTo("passcode"))
                .body("columns.find { it.table == 'zoom_registrant' }.rowsByKey.local1", greaterThanOrEqualTo(1))
                .body("rowsOnOldKeys", greaterThanOrEqualTo(2));
        given().post("/ops/key-rotation/run").then().statusCode(202).body("startedAt", notNullValue());
        Eventually.await("the run finished", () -> Boolean.FALSE.equals(
                given().get("/ops/key-rotation").then().statusCode(200).extract().path("lastRun.running")));
        given().get("/ops/key-rotation").then().statusCode(200)
                .body("rowsOnOldKeys", equalTo(0)).body("lastRun.complete", equalTo(true));
        assertEquals("test2", stored(session, group).passcodeKey());
    }

    @Test
    void keyRotationEndpointsWithoutTokenAre401() {
        given().get("/ops/key-rotation").then().statusCode(401);
        given().post("/ops/key-rotation/run").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void keyRotationEndpointsAreForbiddenToSafeguardingLead() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "manager")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void keyRotationEndpointsAreForbiddenToManager() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void keyRotationEndpointsAreForbiddenToCoordinator() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void keyRotationEndpointsAreForbiddenToYouthWorker() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void keyRotationEndpointsAreForbiddenToPartnerCouncil() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "invitation-reader")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void keyRotationEndpointsAreForbiddenToInvitationReader() {
        forbidden();
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "contact-reader")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void keyRotationEndpointsAreForbiddenToContactReader() {
        forbidden();
    }

    private static void forbidden() {
        given().get("/ops/key-rotation").then().statusCode(403);
        given().post("/ops/key-rotation/run").then().statusCode(403);
    }
}
