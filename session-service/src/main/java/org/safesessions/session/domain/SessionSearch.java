package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.staff.StaffDirectory;

import java.time.OffsetDateTime;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Lists sessions by period, facilitator and young person, newest start first, with their total: kept by the database
 * where it can be (SPEC §10: a list's first page costs the same at any size), counted otherwise.
 */
@ApplicationScoped
public class SessionSearch {

    public Page<Session> list(Viewer viewer, OffsetDateTime from, OffsetDateTime to, String facilitator,
                              UUID youngPersonId, int page, int size) {
        String canonicalFacilitator = facilitator == null ? null : StaffDirectory.canonical(facilitator);
        StringBuilder where = new StringBuilder("organisation = :org");
        Parameters params = Parameters.with("org", viewer.organisation());
        if (from != null) {
            where.append(" and startsAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.append(" and startsAt < :to");
            params.and("to", to);
        }
        if (viewer.leadsOnly()) {
            // by Keycloak user id; a row from before ids were kept, by its canonical user name
            where.append(" and exists (select 1 from Session l join l.facilitators f where l = s"
                    + " and (f.userId = :leaderId or (f.userId is null and f.userName = :leaderName)))");
            params.and("leaderId", viewer.userId()).and("leaderName", viewer.userName());
        }
        if (canonicalFacilitator != null) {
            where.append(" and exists (select 1 from Session n join n.facilitators g where n = s and g.userName = :facilitator)");
            params.and("facilitator", canonicalFacilitator);
        }
        if (youngPersonId != null) {
            where.append(" and exists (select 1 from Invitation i where i.session = s and i.key.youngPersonId = :yp"
                    + " and i.status = org.safesessions.session.domain.InvitationStatus.INVITED)");
            params.and("yp", youngPersonId);
        }
        PanacheQuery<Session> query = Session.find("from Session s where " + where + " order by startsAt desc, id", params);
        long total = keptTotal(viewer, from, to, canonicalFacilitator, youngPersonId).orElseGet(query::count);
        return new Page<>(query.page(page, size).list(), page, size, total);
    }

    /**
     * The list's total from the totals kept per organisation (V15) and per facilitator (V16), one row to read at any
     * size, where one answers exactly what counting would: no period and no young person, and at most one of "the
     * sessions I lead" (a youth worker, with no row from before V3 carrying only their name) and "with this
     * facilitator". Otherwise empty: the matches are counted.
     */
    static OptionalLong keptTotal(Viewer viewer, OffsetDateTime from, OffsetDateTime to, String canonicalFacilitator,
                                  UUID youngPersonId) {
        if (from != null || to != null || youngPersonId != null) {
            return OptionalLong.empty();
        }
        String organisation = viewer.organisation();
        if (viewer.leadsOnly()) {
            if (canonicalFacilitator != null || viewer.userName() != null
                    && Session.countLedByNameOnly(organisation, viewer.userName()) > 0) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Session.countLedById(organisation, viewer.userId()));
        }
        return OptionalLong.of(canonicalFacilitator == null ? Session.countOfOrganisation(organisation)
                : Session.countWithFacilitator(organisation, canonicalFacilitator));
    }
}
