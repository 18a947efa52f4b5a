package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.safesessions.kit.rest.Page;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Lists sessions by period, facilitator and young person, newest start first. */
@ApplicationScoped
public class SessionSearch {

    public Page<Session> list(Viewer viewer, OffsetDateTime from, OffsetDateTime to, String facilitator,
                              UUID youngPersonId, int page, int size) {
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
        if (facilitator != null) {
            where.append(" and exists (select 1 from Session n join n.facilitators g where n = s and g.userName = :facilitator)");
            params.and("facilitator", org.safesessions.kit.staff.StaffDirectory.canonical(facilitator));
        }
        if (youngPersonId != null) {
            where.append(" and exists (select 1 from Invitation i where i.session = s and i.key.youngPersonId = :yp"
                    + " and i.status = org.safesessions.session.domain.InvitationStatus.INVITED)");
            params.and("yp", youngPersonId);
        }
        PanacheQuery<Session> query = Session.find("from Session s where " + where + " order by startsAt desc, id", params);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }
}
