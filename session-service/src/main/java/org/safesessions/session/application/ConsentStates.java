package org.safesessions.session.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.time.Time;
import org.safesessions.session.domain.ProjectedConsent;

import java.util.List;
import java.util.UUID;

/** The consent state session-service books against: its own projection of consent events. */
@ApplicationScoped
public class ConsentStates {

    @Inject
    Time time;

    /** A projected consent and its state now. */
    public record ConsentNow(ProjectedConsent consent, ProjectedConsent.ConsentState state) {
    }

    /** The young person's consents as projected here; none at all is a 404. */
    public List<ConsentNow> of(String organisation, UUID youngPersonId) {
        List<ProjectedConsent> consents = ProjectedConsent.ofYoungPerson(organisation, youngPersonId);
        if (consents.isEmpty()) {
            throw new RecordNotFoundException("consent state of young person");
        }
        var now = time.now();
        return consents.stream().map(c -> new ConsentNow(c, c.stateAt(now))).toList();
    }
}
