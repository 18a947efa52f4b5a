package org.safesessions.kit.audit;

import io.quarkus.arc.Arc;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.time.Time;

import java.util.ArrayList;
import java.util.List;

/**
 * The access log (SPEC §3, §5): every read, list, export and change of personal data records who, when and what.
 * Call {@link #record} where the data is read or changed. In the transaction of a change it joins it (the change
 * and its entry commit together); on a read outside one it writes in its own, before the data is answered, so a
 * read that could not be logged is not answered either. Entries are append-only (the table's trigger).
 */
@ApplicationScoped
public class AccessLog {

    @Inject
    Caller caller;

    @Inject
    Time time;

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    /** An access by the caller of the current request (see {@link #caller()}). */
    @Transactional
    public void record(String organisation, Access access) {
        record(organisation, caller(), access);
    }

    /** An access by someone other than the caller: the service's own pass ({@link Actor#service}). */
    @Transactional
    public void record(String organisation, Actor actor, Access access) {
        AccessLogEntry.of(organisation, actor, access, time.now()).persist();
    }

    /** The caller of the current request, as the log names them; with no caller, the service's own work. */
    public Actor caller() {
        if (!Arc.container().requestContext().isActive() || identity.isAnonymous()) {
            return Actor.service(serviceName);
        }
        return new Actor(caller.userIdIfAny().orElse(null), caller.userName());
    }

    /**
     * One organisation's entries that match the filter, newest first. A record id matches the record itself and
     * every entry about that person ({@code subjectId}): "who has looked at this young person's data?".
     */
    public Page<AccessLogEntry> query(String organisation, AccessLogFilter filter, int page, int size) {
        List<String> where = new ArrayList<>(List.of("organisation = :organisation"));
        Parameters params = Parameters.with("organisation", organisation);
        if (filter.recordId != null) {
            where.add("(recordId = :record or subjectId = :record)");
            params.and("record", filter.recordId);
        }
        if (filter.user != null && !filter.user.isBlank()) {
            where.add("actorName = :user");
            params.and("user", new Actor(null, filter.user).userName());
        }
        if (filter.from != null) {
            where.add("at >= :from");
            params.and("from", filter.from);
        }
        if (filter.to != null) {
            where.add("at < :to");
            params.and("to", filter.to);
        }
        var query = AccessLogEntry.<AccessLogEntry>find(String.join(" and ", where) + " order by at desc, id desc",
                params);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /** Every entry about one person, oldest first (for that person's subject access copy). */
    public List<AccessLogEntry> aboutSubject(String organisation, java.util.UUID subjectId) {
        return AccessLogEntry.list("organisation = ?1 and (subjectId = ?2 or recordId = ?2) order by at, id",
                organisation, subjectId);
    }
}
