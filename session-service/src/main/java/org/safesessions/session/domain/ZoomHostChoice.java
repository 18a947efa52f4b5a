package org.safesessions.session.domain;

import jakarta.persistence.EntityManager;
import org.safesessions.kit.domain.RuleViolationException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which Zoom host a session gets (SPEC §4): a host of the organisation's pool that is free for the session's whole
 * time with {@code margin} before and after (overlapping sessions never share a host), is not set aside for
 * settings that drifted, and has had fewer than {@code meetingsPerDay} meetings created or updated today (UTC).
 * The session's current host is kept while it stays free; none free is a 422 naming the rule.
 */
public record ZoomHostChoice(Duration margin, int meetingsPerDay, List<String> defaultPool) {

    /** The advisory lock (with the organisation) that serialises host choices and pool replacements. */
    static final String LOCK_PREFIX = "zoom-hosts:";


    public static final String HOST_AVAILABLE = "zoom-host-available";

    /** The organisation's pool: as a manager set it, else the service's default pool. */
    public List<String> poolOf(String organisation) {
        List<String> pool = ZoomHost.poolOf(organisation);
        return pool.isEmpty() ? defaultPool : pool;
    }

    /**
     * A free host for the session's time, the current one first; serialised per organisation (a transaction-scoped
     * advisory lock), so two bookings at once cannot both take the last free host.
     */
    public String choose(EntityManager em, Session session, String current, LocalDate today, Set<String> setAside) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, LOCK_PREFIX + session.organisation).getSingleResult();
        List<String> pool = poolOf(session.organisation);
        Set<String> busy = ZoomMeeting.hostsBusy(session.organisation, session.id, session.startsAt, session.endsAt, margin);
        Map<String, Integer> usedToday = ZoomHostDay.on(today, pool);
        return Optional.ofNullable(current).filter(pool::contains).filter(h -> free(h, busy, usedToday, setAside))
                .or(() -> pool.stream().filter(h -> free(h, busy, usedToday, setAside)).findFirst())
                .orElseThrow(() -> new RuleViolationException(HOST_AVAILABLE,
                        "No Zoom host of the organisation is free for the session's time (with "
                                + margin.toMinutes() + " minutes before and after) and under Zoom's "
                                + meetingsPerDay + " meetings a host per day."));
    }

    private boolean free(String host, Set<String> busy, Map<String, Integer> usedToday, Set<String> setAside) {
        return !busy.contains(host) && !setAside.contains(host) && usedToday.getOrDefault(host, 0) < meetingsPerDay;
    }
}
