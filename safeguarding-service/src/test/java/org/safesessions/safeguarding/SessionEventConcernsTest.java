package org.safesessions.safeguarding;

import org.safesessions.testkit.DemoStaff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.Test;
import org.safesessions.events.safeguarding.ConcernSource;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.events.session.SessionTerminatedEarlyV1;
import org.safesessions.events.session.TerminationReason;
import org.safesessions.events.session.UnknownParticipantJoinedV1;
import org.safesessions.kit.inbox.ProcessedEvent;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.testkit.Events;
import org.safesessions.testkit.KafkaProbe;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.safesessions.testkit.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Concerns raised automatically from session-service's events, once per event, through a real broker. */
@QuarkusTest
class SessionEventConcernsTest extends SafeguardingTestStack {

    private static List<Concern> concernsOf(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> Concern.<Concern>list("sessionId", sessionId));
    }

    private static boolean processed(String record) {
        String id = Events.idOf(record);
        return QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.count("key.eventId", id) > 0);
    }

    @Test
    void unknownParticipantJoinedRaisesAHighRiskConcernOnceEvenIfRedelivered() {
        UUID session = UUID.randomUUID();
        String record = Events.publish("/session-service", session, new UnknownParticipantJoinedV1(session, "org-a",
                "zoom-participant-42", OffsetDateTime.now(ZoneOffset.UTC), List.of("worker-a", "worker2-a")));
        await("a concern is raised for the session", () -> concernsOf(session).size() == 1);
        KafkaProbe.send("session-events", session.toString(), record); // redelivered
        // a later event with the same key lands on the same partition, so once it is processed the redelivery was too
        UUID marker = UUID.randomUUID();
        String after = Events.envelope("/session-service", marker, new UnknownParticipantJoinedV1(marker, "org-a",
                "zoom-participant-43", OffsetDateTime.now(ZoneOffset.UTC), List.of("worker-a")));
        KafkaProbe.send("session-events", session.toString(), after);
        await("the later event on the same partition is processed", () -> processed(after));
        List<Concern> raised = concernsOf(session);
        assertEquals(1, raised.size(), "the redelivered event changed nothing");
        Concern c = raised.get(0);
        assertEquals(SubjectType.UNKNOWN_PARTICIPANT, c.subjectType);
        assertEquals(RiskLevel.HIGH, c.risk);
        assertEquals(ConcernSource.UNKNOWN_PARTICIPANT_JOINED, c.source);
        assertEquals("org-a", c.organisation);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "worker-a"), @Claim(key = "sub", value = DemoStaff.WORKER_A)})
    void safeguardingTerminationRaisesAConcernTheFacilitatorSeesAsTheirOwn() {
        UUID session = UUID.randomUUID();
        UUID youngPerson = UUID.randomUUID();
        Events.publish("/session-service", session, new SessionTerminatedEarlyV1(session, "org-a",
                TerminationReason.SAFEGUARDING, youngPerson, "worker-a", OffsetDateTime.now(ZoneOffset.UTC),
                List.of("worker-a", "worker2-a")));
        await("a concern is raised", () -> concernsOf(session).size() == 1);
        Concern c = concernsOf(session).get(0);
        assertEquals(SubjectType.YOUNG_PERSON, c.subjectType);
        assertEquals(youngPerson, c.subjectYoungPersonId);
        assertEquals(ConcernSource.SESSION_TERMINATED_EARLY, c.source);
        given().get("/concerns/" + c.id).then().statusCode(200).body("raisedBy", equalTo("worker-a"))
                .body("source", equalTo("SESSION_TERMINATED_EARLY")).body("risk", equalTo("HIGH"));
    }

    @Test
    void technicalTerminationRaisesNoConcernButInappropriateDressDoes() {
        UUID technical = UUID.randomUUID();
        String record = Events.publish("/session-service", technical, new SessionTerminatedEarlyV1(technical, "org-b",
                TerminationReason.TECHNICAL, null, "worker-b", OffsetDateTime.now(ZoneOffset.UTC), List.of("worker-b")));
        UUID dress = UUID.randomUUID();
        Events.publish("/session-service", dress, new SessionTerminatedEarlyV1(dress, "org-b",
                TerminationReason.INAPPROPRIATE_DRESS, null, "worker-b", OffsetDateTime.now(ZoneOffset.UTC), List.of("worker-b")));
        await("the technical termination was processed", () -> processed(record));
        await("the inappropriate-dress termination raised a concern", () -> concernsOf(dress).size() == 1);
        assertEquals(0, concernsOf(technical).size());
        assertEquals(RiskLevel.MEDIUM, concernsOf(dress).get(0).risk);
        assertEquals("INAPPROPRIATE_DRESS_OR_LANGUAGE", concernsOf(dress).get(0).categories.iterator().next().name());
    }
}
