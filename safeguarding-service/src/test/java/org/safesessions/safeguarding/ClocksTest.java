package org.safesessions.safeguarding;

import org.safesessions.testkit.DemoStaff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safesessions.events.safeguarding.CouncilDecision;
import org.safesessions.events.safeguarding.RiskLevel;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.safeguarding.application.SafeguardingClocks;
import org.safesessions.safeguarding.application.CouncilReferrals;
import org.safesessions.safeguarding.domain.BankHoliday;
import org.safesessions.safeguarding.domain.Concern;
import org.safesessions.safeguarding.application.ConcernWorkflow;
import org.safesessions.safeguarding.application.ConcernRegister;
import org.safesessions.testkit.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The safeguarding clocks, driven by a controlled clock: acknowledgement in 15 minutes, council decision in 1 working day. */
@QuarkusTest
class ClocksTest extends SafeguardingTestStack {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Inject
    TestClock clock;

    @Inject
    SafeguardingClocks clocks;

    @Inject
    ConcernRegister register;

    @Inject
    ConcernWorkflow workflow;

    @Inject
    CouncilReferrals referrals;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private static Concern reload(Concern c) {
        return QuarkusTransaction.requiringNew().call(() -> Concern.<Concern>findById(c.id));
    }

    /**
     * The breach events of a concern's clock on Kafka: waits (the outbox relays them after the check's commit) until
     * the first is there, then counts every one published by then.
     */
    private static long breachEvents(Concern c, String clockName) {
        Predicate<ConsumerRecord<String, String>> breach = r -> c.id.toString().equals(r.key())
                && r.value().contains("clock-breached") && r.value().contains(clockName);
        KafkaProbe.readAll("safeguarding-events", PUBLISHED_WITHIN, rs -> rs.stream().anyMatch(breach));
        return KafkaProbe.readToEnd("safeguarding-events", PUBLISHED_WITHIN).stream().filter(breach).count();
    }

    private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(30);

    @Test
    void immediateDangerUnacknowledgedAfter15MinutesBreachesTheClockOnce() {
        double before = breachesCounted("acknowledgement");
        Concern c = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.IMMEDIATE_DANGER);
        clock.advance(Duration.ofMinutes(14));
        clocks.checkNow();
        assertNull(reload(c).acknowledgementBreachedAt, "not yet due");
        clock.advance(Duration.ofMinutes(2));
        clocks.checkNow();
        assertNotNull(reload(c).acknowledgementBreachedAt);
        clock.advance(Duration.ofMinutes(30));
        clocks.checkNow();
        assertEquals(1, breachEvents(c, "ACKNOWLEDGEMENT"), "one SafeguardingClockBreached");
        assertEquals(before + 1, breachesCounted("acknowledgement"), 0.0, "counted once for the ops alert");
    }

    private double breachesCounted(String clock) {
        var counter = meters.find("safesessions.safeguarding.clock.breached").tag("clock", clock).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void replicasCheckingAtOnceRaiseEachBreachExactlyOnce() throws Exception {
        List<Concern> due = List.of(
                Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.IMMEDIATE_DANGER),
                Fixtures.raiseAs(register, "org-b", "worker-b", SubjectType.YOUNG_PERSON, null, RiskLevel.IMMEDIATE_DANGER),
                Fixtures.raiseAs(register, "org-a", "coord-a", SubjectType.UNKNOWN_PARTICIPANT, null, RiskLevel.IMMEDIATE_DANGER));
        clock.advance(Duration.ofMinutes(16));
        var pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Integer> replica = clocks::checkNow;
            for (var f : pool.invokeAll(List.of(replica, replica, replica, replica))) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        KafkaProbe.readAll("safeguarding-events", PUBLISHED_WITHIN, rs -> due.stream().allMatch(c -> rs.stream()
                .anyMatch(r -> c.id.toString().equals(r.key()) && r.value().contains("clock-breached"))));
        var records = KafkaProbe.readToEnd("safeguarding-events", PUBLISHED_WITHIN);
        for (Concern c : due) {
            assertEquals(1, records.stream().filter(r -> c.id.toString().equals(r.key())
                    && r.value().contains("clock-breached")).count(), "exactly one breach for " + c.reference);
        }
    }

    @Test
    void acknowledgedInTimeNeverBreaches() {
        Concern c = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.IMMEDIATE_DANGER);
        clock.advance(Duration.ofMinutes(10));
        workflow.acknowledge(Fixtures.dsl("org-a"), c.id);
        clock.advance(Duration.ofMinutes(60));
        clocks.checkNow();
        assertNull(reload(c).acknowledgementBreachedAt);
    }

    @Test
    void onlyImmediateDangerHasTheAcknowledgementClock() {
        Concern c = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.HIGH);
        assertNull(c.acknowledgementDueAt);
        clock.advance(Duration.ofHours(5));
        clocks.checkNow();
        assertNull(reload(c).acknowledgementBreachedAt);
    }

    /** A Friday afternoon at least three years ahead, so it never falls into the past while the tests live. */
    private static ZonedDateTime aFridayAfternoon() {
        return LocalDate.now().plusYears(3).with(TemporalAdjusters.next(DayOfWeek.FRIDAY))
                .atTime(LocalTime.of(14, 0)).atZone(LONDON);
    }

    private Concern escalatedAt(ZonedDateTime at) {
        clock.freezeAt(at.toInstant());
        Concern c = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.HIGH);
        Fixtures.escalate(workflow, "org-a", c.id, "E09000024");
        return reload(c);
    }

    @Test
    void councilDecisionIsDueOneWorkingDayLaterSkippingWeekendsAndBankHolidays() {
        ZonedDateTime friday = aFridayAfternoon();
        // the holiday list is data: a bank holiday on the Monday after that Friday
        LocalDate monday = friday.toLocalDate().plusDays(3);
        QuarkusTransaction.requiringNew().run(() -> {
            if (BankHoliday.findById(monday) == null) {
                BankHoliday h = new BankHoliday();
                h.day = monday;
                h.name = "Test bank holiday";
                h.persist();
            }
        });
        Concern overWeekend = escalatedAt(friday);
        assertEquals(friday.plusDays(4).toOffsetDateTime().toInstant(), overWeekend.councilDecisionDueAt.toInstant(),
                "Friday 14:00 → Tuesday 14:00 (weekend and bank holiday skipped)");

        ZonedDateTime wednesday = friday.minusDays(2);
        Concern midweek = escalatedAt(wednesday);
        assertEquals(wednesday.plusDays(1).toInstant(), midweek.councilDecisionDueAt.toInstant(), "Wednesday → Thursday");

        ZonedDateTime saturday = friday.plusDays(1);
        Concern weekend = escalatedAt(saturday);
        assertEquals(saturday.plusDays(3).toInstant(), weekend.councilDecisionDueAt.toInstant(),
                "Saturday → Tuesday (Monday is the bank holiday)");
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a"), @Claim(key = "sub", value = DemoStaff.DSL_A)})
    void councilDecisionNotMadeInTimeBreachesAndIsListedOverdue() {
        ZonedDateTime wednesday = aFridayAfternoon().minusDays(2);
        Concern late = escalatedAt(wednesday);
        Concern decided = escalatedAt(wednesday);
        clock.advance(Duration.ofHours(2));
        referrals.respond("E09000024", decided.id, new CouncilReferrals.Respond(CouncilDecision.ACCEPTED,
                "LA-77", OffsetDateTime.now(clock)), "council-e09000024");
        clock.freezeAt(wednesday.plusDays(1).plusMinutes(1).toInstant());
        clocks.checkNow();
        assertNotNull(reload(late).councilDecisionBreachedAt);
        assertNull(reload(decided).councilDecisionBreachedAt);
        given().get("/concerns/overdue?size=200").then().statusCode(200)
                .body("items.concern.id", hasItem(late.id.toString()))
                .body("items.concern.id", not(hasItem(decided.id.toString())))
                .body("items.find { it.concern.id == '" + late.id + "' }.clock", equalTo("COUNCIL_DECISION"));
        assertEquals(1, breachEvents(late, "COUNCIL_DECISION"));
    }

    @Test
    @TestSecurity(user = "manager-a", roles = "manager")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a"), @Claim(key = "sub", value = DemoStaff.MANAGER_A)})
    void overdueAcknowledgementsAreListedForManagersExceptStaffAllegations() {
        Concern child = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.YOUNG_PERSON, null, RiskLevel.IMMEDIATE_DANGER);
        Concern allegation = Fixtures.raiseAs(register, "org-a", "worker-a", SubjectType.STAFF_MEMBER, "coord-a", RiskLevel.IMMEDIATE_DANGER);
        Concern otherOrg = Fixtures.raiseAs(register, "org-b", "worker-b", SubjectType.YOUNG_PERSON, null, RiskLevel.IMMEDIATE_DANGER);
        given().get("/concerns/overdue?size=200").then().body("items.concern.id", not(hasItem(child.id.toString())));
        clock.advance(Duration.ofMinutes(16));
        given().get("/concerns/overdue?size=200").then().statusCode(200)
                .body("items.concern.id", hasItem(child.id.toString()))
                .body("items.concern.id", not(hasItem(allegation.id.toString())))
                .body("items.concern.id", not(hasItem(otherOrg.id.toString())))
                .body("items.find { it.concern.id == '" + child.id + "' }.clock", equalTo("ACKNOWLEDGEMENT"));
    }
}
