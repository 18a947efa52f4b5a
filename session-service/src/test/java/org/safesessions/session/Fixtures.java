package org.safesessions.session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.outbox.OutboxMessage;
import org.safesessions.session.domain.ApprovedPlatform;
import org.safesessions.session.domain.ProjectedConsent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/** Set-up and calls the session tests share. Times are relative to now, in the policy's zone. */
final class Fixtures {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Fixtures() {
    }

    /** A working day at least {@code daysAhead} days from now, at {@code hour}:00 London time. */
    static OffsetDateTime workingDayAt(int daysAhead, int hour) {
        LocalDate day = LocalDate.now(LONDON).plusDays(daysAhead);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(LocalTime.of(hour, 0)).atZone(LONDON).toOffsetDateTime();
    }

    static OffsetDateTime saturdayAt(int hour) {
        LocalDate day = LocalDate.now(LONDON).plusDays(3);
        while (day.getDayOfWeek() != DayOfWeek.SATURDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(LocalTime.of(hour, 0)).atZone(LONDON).toOffsetDateTime();
    }

    /** A current risk assessment for the platform, due for review in a year. */
    static void approve(String organisation, Platform platform) {
        QuarkusTransaction.requiringNew().run(() -> {
            ApprovedPlatform approval = ApprovedPlatform.find(organisation, platform);
            if (approval == null) {
                approval = new ApprovedPlatform();
                approval.key = new ApprovedPlatform.Key(organisation, platform);
            }
            approval.assessedBy = "manager";
            approval.assessedOn = LocalDate.now(LONDON).minusMonths(1);
            approval.reviewDue = LocalDate.now(LONDON).plusYears(1);
            approval.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
            approval.recordedBy = "manager";
            approval.persist();
        });
    }

    /** A young person with an active consent in session-service's projection, as if from consent events. */
    static UUID consentedYoungPerson(String organisation, ConsentScope scope, Platform... platforms) {
        UUID youngPersonId = UUID.randomUUID();
        consent(organisation, youngPersonId, scope, OffsetDateTime.now(ZoneOffset.UTC).plusYears(1), platforms);
        return youngPersonId;
    }

    static UUID consent(String organisation, UUID youngPersonId, ConsentScope scope, OffsetDateTime expiresAt,
                        Platform... platforms) {
        UUID consentId = UUID.randomUUID();
        // in the caller's transaction when there is one (many consents at once), else in one of its own
        QuarkusTransaction.joiningExisting().run(() -> {
            ProjectedConsent consent = new ProjectedConsent();
            consent.consentId = consentId;
            consent.organisation = organisation;
            consent.youngPersonId = youngPersonId;
            consent.scope = scope;
            consent.platforms = Set.copyOf(Arrays.asList(platforms));
            consent.givenAt = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(1);
            consent.expiresAt = expiresAt;
            consent.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            consent.persist();
        });
        return consentId;
    }

    static List<UUID> consentedGroup(String organisation, int size, Platform platform) {
        return java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> consentedYoungPerson(organisation, ConsentScope.GROUP_SESSIONS, platform)).toList();
    }

    static String groupSession(OffsetDateTime startsAt, int minutes, Platform platform, List<String> facilitators,
                               List<UUID> invitees) {
        return """
                {"title":"Art club","startsAt":"%s","durationMinutes":%d,"platform":"%s","facilitators":[%s],"invitees":[%s]}"""
                .formatted(startsAt, minutes, platform, quoted(facilitators), quoted(invitees));
    }

    static ValidatableResponse book(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/sessions").then();
    }

    /** Books a valid group session (worker-a and worker2-a) as the current test identity; returns its id. */
    static String bookGroup(Platform platform, List<UUID> invitees) {
        return book(groupSession(workingDayAt(3, 10), 60, platform, List.of("worker-a", "worker2-a"), invitees))
                .statusCode(201).extract().path("id");
    }

    static long events(String type, String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.count("eventType = ?1 and aggregateId = ?2", type, aggregateId));
    }

    static List<String> eventBodies(String type, String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>list("eventType = ?1 and aggregateId = ?2 order by createdAt", type, aggregateId)
                        .stream().map(m -> m.envelope).toList());
    }

    private static String quoted(List<?> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(","));
    }
}
