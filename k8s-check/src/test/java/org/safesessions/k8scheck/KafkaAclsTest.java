package org.safesessions.k8scheck;

import org.junit.jupiter.api.Test;
import org.safesessions.k8scheck.rules.KafkaAclRules;
import org.safesessions.k8scheck.rules.KafkaAclRules.Permission;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What each service does with Kafka, as k8s-check reads it from the service's own settings (the ACLs of its
 * KafkaUser must match it exactly; OverlaysTest and BrokenManifestsTest check that): SPEC §7, each service writes
 * only its own topic and reads only what it consumes.
 */
class KafkaAclsTest {

    @Test
    void consentServiceOnlyWritesConsentEvents() {
        assertEquals(Set.of(write("consent-events")), used("consent-service"));
    }

    @Test
    void sessionServiceWritesSessionEventsAndReadsConsentEventsAsItsOwnGroup() {
        assertEquals(Set.of(write("session-events"), read("consent-events"), group("session-service")),
                used("session-service"));
    }

    @Test
    void safeguardingServiceWritesSafeguardingEventsAndReadsSessionAndConsentEvents() {
        // consent-events: its own projection of consent state, the lawful basis of an escalation (SPEC §5)
        assertEquals(Set.of(write("safeguarding-events"), read("session-events"), read("consent-events"),
                        group("safeguarding-service")),
                used("safeguarding-service"));
    }

    @Test
    void notificationServiceWritesNothingAndReadsEachTopicInAGroupOfItsOwn() {
        assertEquals(Set.of(read("consent-events"), group("notification-service"),
                        read("session-events"), group("notification-service-sessions"),
                        read("safeguarding-events"), group("notification-service-safeguarding")),
                used("notification-service"));
    }

    private static Set<Permission> used(String service) {
        return KafkaAclRules.permissionsUsed(Repository.ROOT.resolve(service));
    }

    private static Permission write(String topic) {
        return new Permission("topic", topic, "Write");
    }

    private static Permission read(String topic) {
        return new Permission("topic", topic, "Read");
    }

    private static Permission group(String group) {
        return new Permission("group", group, "Read");
    }
}
