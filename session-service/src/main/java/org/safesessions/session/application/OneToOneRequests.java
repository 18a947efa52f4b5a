package org.safesessions.session.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.events.consent.Platform;
import org.safesessions.events.session.OneToOneRequestedV1;
import org.safesessions.events.session.SessionKind;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.outbox.Outbox;
import org.safesessions.kit.rest.Page;
import org.safesessions.kit.time.Time;
import org.safesessions.session.domain.OneToOneRequest;
import org.safesessions.session.domain.Session;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** One-to-one sessions: a coordinator records the young person's request, then schedules it with one or two workers. */
@ApplicationScoped
public class OneToOneRequests {

    @Inject
    Outbox outbox;

    @Inject
    Time time;

    @Inject
    SessionBooking booking;

    @Transactional
    public OneToOneRequest record(String organisation, UUID youngPersonId, String recordedBy) {
        OneToOneRequest request = new OneToOneRequest();
        request.id = UUID.randomUUID();
        request.organisation = organisation;
        request.youngPersonId = youngPersonId;
        request.recordedBy = recordedBy;
        request.requestedAt = time.now();
        request.persist();
        outbox.publish(request.id, new OneToOneRequestedV1(request.id, organisation, youngPersonId, recordedBy,
                request.requestedAt));
        return request;
    }

    public OneToOneRequest get(String organisation, UUID id) {
        return OneToOneRequest.findInOrganisation(id, organisation).orElseThrow(() -> new RecordNotFoundException("one-to-one request"));
    }

    public Page<OneToOneRequest> list(String organisation, int page, int size) {
        var query = OneToOneRequest.<OneToOneRequest>find("organisation = ?1 order by requestedAt desc, id", organisation);
        return new Page<>(query.page(page, size).list(), page, size, OneToOneRequest.countOfOrganisation(organisation));
    }

    /** Books the one-to-one session under every rule (1–2 workers, hours, platform, one-to-one consent). */
    @Transactional
    public Session schedule(String organisation, UUID requestId, String title, OffsetDateTime startsAt, int minutes,
                            Platform platform, Set<String> facilitators, String scheduledBy) {
        OneToOneRequest request = get(organisation, requestId);
        request.requireUnscheduled();
        Session session = booking.book(organisation, new SessionBooking.Booking(SessionKind.ONE_TO_ONE, title, startsAt,
                startsAt.plusMinutes(minutes), platform, facilitators, Set.of(request.youngPersonId), false, request.id),
                scheduledBy);
        request.sessionId = session.id;
        return session;
    }
}
