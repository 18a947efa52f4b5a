package org.safesessions.kit.staff;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safesessions.testkit.KeycloakResource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff directory against the Keycloak stand-in, seeded from the realm as code. */
class StaffDirectoryTest {

    private static final KeycloakResource KEYCLOAK = new KeycloakResource();
    private static Map<String, String> settings;

    private final AtomicLong now = new AtomicLong();

    @BeforeAll
    static void startKeycloak() {
        KEYCLOAK.init(Map.of("client", "session-service"));
        settings = KEYCLOAK.start();
    }

    @AfterAll
    static void stopKeycloak() {
        KEYCLOAK.stop();
    }

    @AfterEach
    void resetRealm() {
        KeycloakResource.comeBack();
        KeycloakResource.reset();
    }

    @Test
    void aUserNameInAnyCaseIsTheSameMemberOfStaff() {
        StaffDirectory directory = directory(Duration.ZERO);
        StaffMember upper = directory.byUserName("org-a", "WORKER-A").orElseThrow();
        StaffMember lower = directory.byUserName("org-a", " worker-a ").orElseThrow();
        assertEquals(upper, lower);
        assertEquals(KeycloakResource.idOf("worker-a"), upper.id());
        assertEquals("worker-a", upper.userName());
        assertEquals("Youth Worker A", upper.displayName());
        assertEquals("worker-a@org-a.example", upper.email());
        assertEquals("org-a", upper.organisation());
        assertTrue(upper.hasRole("youth-worker"));
        assertTrue(!upper.hasRole("coordinator"));
    }

    @Test
    void anotherOrganisationsStaffAreNotStaffHere() {
        StaffDirectory directory = directory(Duration.ZERO);
        assertEquals(Optional.empty(), directory.byUserName("org-a", "worker-b"));
        assertEquals(Optional.empty(), directory.byId("org-a", KeycloakResource.idOf("worker-b")));
        assertTrue(directory.byUserName("org-b", "worker-b").isPresent());
    }

    @Test
    void aMadeUpNameIsNobody() {
        StaffDirectory directory = directory(Duration.ZERO);
        assertEquals(Optional.empty(), directory.byUserName("org-a", "worker-z"));
        assertEquals(Optional.empty(), directory.byUserName("org-a", ""));
        assertEquals(Optional.empty(), directory.byUserName("org-a", null));
        assertEquals(Optional.empty(), directory.byId("org-a", "not-an-id"));
        assertEquals(Optional.empty(), directory.byUserName("no-such-org", "worker-a"));
    }

    @Test
    void aDisabledUserIsNotStaff() {
        StaffDirectory directory = directory(Duration.ZERO);
        KeycloakResource.disableUser("worker2-a");
        assertEquals(Optional.empty(), directory.byUserName("org-a", "worker2-a"));
        assertEquals(Optional.empty(), directory.byId("org-a", KeycloakResource.idOf("worker2-a")));
        assertTrue(directory.withRole("org-a", "youth-worker").stream().noneMatch(m -> m.userName().equals("worker2-a")));
    }

    @Test
    void aUserWithoutExactlyOneOrganisationIsNobodysStaff() {
        StaffDirectory directory = directory(Duration.ZERO);
        KeycloakResource.addUserWithOrganisations("two-orgs", List.of("org-a", "org-b"), "youth-worker");
        assertEquals(Optional.empty(), directory.byUserName("org-a", "two-orgs"));
        assertEquals(Optional.empty(), directory.byUserName("org-b", "two-orgs"));
        // service accounts carry no org attribute
        assertEquals(Optional.empty(), directory.byUserName("org-a", "service-account-session-service"));
    }

    @Test
    void staffAreFoundByKeycloakUserId() {
        StaffDirectory directory = directory(Duration.ZERO);
        StaffMember dsl = directory.byId("org-a", KeycloakResource.idOf("dsl-a")).orElseThrow();
        assertEquals("dsl-a", dsl.userName());
        assertTrue(dsl.hasRole("safeguarding-lead"));
    }

    @Test
    void withRoleListsTheOrganisationsEnabledStaffHoldingIt() {
        StaffDirectory directory = directory(Duration.ZERO);
        assertEquals(List.of("worker-a", "worker2-a"),
                directory.withRole("org-a", "youth-worker").stream().map(StaffMember::userName).toList());
        assertEquals(List.of("dsl-b"),
                directory.withRole("org-b", "safeguarding-lead").stream().map(StaffMember::userName).toList());
        assertEquals(List.of(), directory.withRole("org-a", "partner-council"));
    }

    @Test
    void aRosterIsReadOnceAndTrustedForTheCacheTtl() {
        StaffDirectory directory = directory(Duration.ofSeconds(30));
        directory.byUserName("org-a", "worker-a");
        int afterFirst = KeycloakResource.adminRequests();
        directory.byUserName("org-a", "coord-a");
        directory.withRole("org-a", "manager");
        assertEquals(afterFirst, KeycloakResource.adminRequests(), "a fresh roster is not read again");

        KeycloakResource.addUser("org-a", "new-worker-a", "youth-worker");
        assertEquals(Optional.empty(), directory.byUserName("org-a", "new-worker-a"));
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertTrue(directory.byUserName("org-a", "NEW-worker-a").isPresent(), "an expired roster is read again");
    }

    @Test
    void keycloakUnreachableIsUnavailableNeverAnAnswer() {
        StaffDirectory directory = directory(Duration.ZERO);
        KeycloakResource.goAway();
        assertThrows(StaffDirectoryUnavailableException.class, () -> directory.byUserName("org-a", "worker-a"));
        assertThrows(StaffDirectoryUnavailableException.class, () -> directory.byUserName("org-a", "worker-z"));
        assertThrows(StaffDirectoryUnavailableException.class, () -> directory.withRole("org-a", "youth-worker"));
        KeycloakResource.comeBack();
        assertTrue(directory.byUserName("org-a", "worker-a").isPresent());
    }

    @Test
    void anExpiredRosterIsNotUsedWhileKeycloakIsAway() {
        StaffDirectory directory = directory(Duration.ofSeconds(30));
        assertTrue(directory.byUserName("org-a", "worker-a").isPresent());
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        KeycloakResource.goAway();
        assertThrows(StaffDirectoryUnavailableException.class, () -> directory.byUserName("org-a", "worker-a"));
    }

    @Test
    void keycloakAnsweringAServerErrorIsUnavailable() {
        StaffDirectory directory = directory(Duration.ZERO);
        KeycloakResource.failWith(503);
        assertThrows(StaffDirectoryUnavailableException.class, () -> directory.byUserName("org-a", "worker-a"));
        KeycloakResource.failWith(500);
        assertThrows(StaffDirectoryUnavailableException.class, () -> directory.byId("org-a", "x"));
    }

    @Test
    void aClientWithoutViewUsersCannotReadStaff() {
        // a council's client has a secret but no realm-management view-users
        StaffDirectory directory = new StaffDirectory(config("council-e09000024", "council-e09000024", Duration.ZERO),
                now::get);
        assertThrows(StaffDirectoryUnavailableException.class, () -> directory.byUserName("org-a", "worker-a"));
    }

    @Test
    void aWrongClientSecretCannotReadStaff() {
        StaffDirectory directory = new StaffDirectory(config("session-service", "guess", Duration.ZERO), now::get);
        assertThrows(StaffDirectoryUnavailableException.class, () -> directory.byUserName("org-a", "worker-a"));
    }

    private StaffDirectory directory(Duration ttl) {
        return new StaffDirectory(config("session-service", settings.get("safesessions.staff-directory.client-secret"),
                ttl), now::get);
    }

    private static StaffDirectoryConfig config(String clientId, String secret, Duration ttl) {
        return new StaffDirectoryConfig() {
            public Optional<URI> url() {
                return Optional.of(URI.create(settings.get("safesessions.staff-directory.url")));
            }

            public String realm() {
                return "safesessions";
            }

            public String clientId() {
                return clientId;
            }

            public Optional<String> clientSecret() {
                return Optional.of(secret);
            }

            public Duration cacheTtl() {
                return ttl;
            }

            public Duration timeout() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
