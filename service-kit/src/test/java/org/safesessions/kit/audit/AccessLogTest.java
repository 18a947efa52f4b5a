package org.safesessions.kit.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.safesessions.kit.KitTestStack;
import org.safesessions.kit.rest.Page;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared access log against a real PostgreSQL: recorded as given, append-only, queried per organisation. */
@QuarkusTest
class AccessLogTest extends KitTestStack {

    @Inject
    AccessLog log;

    @Inject
    EntityManager em;

    /** A fresh organisation per test, so the tests' entries never meet. */
    private final String org = "org-" + UUID.randomUUID();

    private static final Actor COORD = new Actor("kc-coord", "Coord-A");
    private static final Actor DSL = new Actor("kc-dsl", "dsl-a");

    private Page<AccessLogEntry> query(AccessLogFilter filter, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> log.query(org, filter, page, size));
    }

    private static AccessLogFilter all() {
        return new AccessLogFilter();
    }

    @Test
    void anAccessIsRecordedWithWhoWhenAndWhat() {
        UUID consent = UUID.randomUUID();
        UUID youngPerson = UUID.randomUUID();
        log.record(org, COORD, Access.change("CONSENT", consent).about(youngPerson).detail("CONSENT_WITHDRAWN"));

        AccessLogEntry entry = query(all(), 0, 20).items().getFirst();
        assertEquals("kc-coord", entry.actorId);
        assertEquals("coord-a", entry.actorName, "the canonical lower-case user name");
        assertEquals(AccessAction.CHANGE, entry.action);
        assertEquals("CONSENT", entry.recordType);
        assertEquals(consent, entry.recordId);
        assertEquals(youngPerson, entry.subjectId);
        assertEquals("CONSENT_WITHDRAWN", entry.detail);
        assertTrue(entry.at.isAfter(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)));
    }

    @Test
    void everyActionIsRecorded() {
        UUID yp = UUID.randomUUID();
        log.record(org, DSL, Access.read("YOUNG_PERSON", yp));
        log.record(org, DSL, Access.list("YOUNG_PERSON"));
        log.record(org, DSL, Access.export("YOUNG_PERSON", yp));
        log.record(org, Actor.service("consent-service"), Access.change("YOUNG_PERSON", yp).detail("ANONYMISED"));

        List<AccessLogEntry> entries = query(all(), 0, 20).items();
        assertEquals(List.of(AccessAction.CHANGE, AccessAction.EXPORT, AccessAction.LIST, AccessAction.READ),
                entries.stream().map(e -> e.action).toList(), "newest first");
        assertNull(entries.getFirst().actorId, "the service's own pass has no Keycloak user");
        assertEquals("consent-service", entries.getFirst().actorName);
        assertNull(entries.get(2).recordId, "a list is of many records");
    }

    @Test
    void theDatabaseRefusesToEditAnEntry() {
        log.record(org, DSL, Access.read("YOUNG_PERSON", UUID.randomUUID()));
        UUID id = query(all(), 0, 1).items().getFirst().id;

        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update access_log set actor_name = 'someone-else' where id = ?1")
                        .setParameter(1, id).executeUpdate()));
        assertEquals("dsl-a", query(all(), 0, 1).items().getFirst().actorName);
    }

    @Test
    void theDatabaseRefusesToDeleteAnEntry() {
        log.record(org, DSL, Access.read("YOUNG_PERSON", UUID.randomUUID()));

        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from access_log where organisation = ?1")
                        .setParameter(1, org).executeUpdate()));
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("truncate access_log").executeUpdate()));
        assertEquals(1, query(all(), 0, 20).total());
    }

    @Test
    void aRecordIdFindsTheRecordAndEverythingAboutThatPerson() {
        UUID yp = UUID.randomUUID();
        UUID consent = UUID.randomUUID();
        log.record(org, DSL, Access.read("YOUNG_PERSON", yp));
        log.record(org, DSL, Access.read("CONSENT", consent).about(yp));
        log.record(org, DSL, Access.read("YOUNG_PERSON", UUID.randomUUID()));

        assertEquals(2, query(new AccessLogFilter(yp, null, null, null), 0, 20).total());
        assertEquals(List.of("CONSENT"), query(new AccessLogFilter(consent, null, null, null), 0, 20).items()
                .stream().map(e -> e.recordType).toList());
    }

    @Test
    void aUserIsMatchedInAnyCase() {
        log.record(org, COORD, Access.list("YOUNG_PERSON"));
        log.record(org, DSL, Access.list("YOUNG_PERSON"));

        Page<AccessLogEntry> coord = query(new AccessLogFilter(null, " COORD-a ", null, null), 0, 20);
        assertEquals(1, coord.total());
        assertEquals("coord-a", coord.items().getFirst().actorName);
    }

    @Test
    void aPeriodIncludesItsStartAndExcludesItsEnd() {
        log.record(org, DSL, Access.list("YOUNG_PERSON"));
        OffsetDateTime at = query(all(), 0, 1).items().getFirst().at;

        assertEquals(1, query(new AccessLogFilter(null, null, at, at.plusNanos(1000)), 0, 20).total());
        assertEquals(0, query(new AccessLogFilter(null, null, at.plusNanos(1000), null), 0, 20).total());
        assertEquals(0, query(new AccessLogFilter(null, null, null, at), 0, 20).total());
    }

    @Test
    void pagesAreNewestFirst() {
        for (int i = 0; i < 5; i++) {
            log.record(org, DSL, Access.read("YOUNG_PERSON", UUID.randomUUID()).detail("n" + i));
        }
        Page<AccessLogEntry> first = query(all(), 0, 2);
        Page<AccessLogEntry> last = query(all(), 2, 2);
        assertEquals(5, first.total());
        assertEquals(List.of("n4", "n3"), first.items().stream().map(e -> e.detail).toList());
        assertEquals(List.of("n0"), last.items().stream().map(e -> e.detail).toList());
    }

    @Test
    void anotherOrganisationsEntriesAreNeverReturned() {
        UUID yp = UUID.randomUUID();
        log.record("other-" + org, DSL, Access.read("YOUNG_PERSON", yp));
        log.record(org, DSL, Access.read("YOUNG_PERSON", UUID.randomUUID()));

        assertEquals(1, query(all(), 0, 20).total());
        assertEquals(0, query(new AccessLogFilter(yp, null, null, null), 0, 20).total());
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> log.aboutSubject(org, yp)).size());
    }
}
