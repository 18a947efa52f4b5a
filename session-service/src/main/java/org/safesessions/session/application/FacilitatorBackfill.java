package org.safesessions.session.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.safesessions.kit.staff.StaffDirectory;
import org.safesessions.kit.staff.StaffDirectoryUnavailableException;
import org.safesessions.kit.staff.StaffMember;
import org.safesessions.session.domain.Facilitator;
import org.safesessions.session.domain.Session;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Facilitator rows from before Keycloak ids were kept (migration V3) get their member of staff's id, looked up in
 * the staff directory by the stored canonical user name. A name that is no member of the organisation's staff
 * stays as it is (it still reaches nobody but that login); with Keycloak away the job tries again next time.
 */
@ApplicationScoped
public class FacilitatorBackfill {

    private static final Logger LOG = Logger.getLogger(FacilitatorBackfill.class);
    private static final int BATCH = 200;

    @Inject
    StaffDirectory directory;

    @Scheduled(every = "5m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int identified = run();
            if (identified > 0) {
                LOG.infof("facilitator backfill: %d rows identified by Keycloak id", identified);
            }
        } catch (StaffDirectoryUnavailableException e) {
            LOG.debug("facilitator backfill waits for Keycloak");
        }
    }

    /** One batch of sessions with rows lacking an id; the number of rows given one. */
    public int run() {
        List<UUID> sessions = QuarkusTransaction.requiringNew().call(() -> Session.getEntityManager()
                .createQuery("select distinct s.id from Session s join s.facilitators f where f.userId is null", UUID.class)
                .setMaxResults(BATCH).getResultList());
        int identified = 0;
        for (UUID id : sessions) {
            identified += QuarkusTransaction.requiringNew().call(() -> {
                Session session = Session.findById(id);
                int count = 0;
                for (String name : session.facilitators.stream().filter(f -> f.userId == null).map(f -> f.userName).toList()) {
                    Optional<StaffMember> member = directory.byUserName(session.organisation, name);
                    if (member.isPresent()) {
                        session.identifyFacilitator(member.get());
                        count++;
                    }
                }
                return count;
            });
        }
        return identified;
    }
}
