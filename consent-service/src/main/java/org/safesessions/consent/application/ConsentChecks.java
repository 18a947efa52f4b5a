package org.safesessions.consent.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.safesessions.consent.domain.ConsentCheck;
import org.safesessions.consent.application.ConsentCheckInputs.GivenConsent;
import org.safesessions.events.consent.ConsentScope;
import org.safesessions.events.consent.Platform;
import org.safesessions.kit.domain.RecordNotFoundException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The consent check, on the hot path of booking (SPEC §10). What it needs about a young person is read in one indexed
 * query, straight from JDBC into a small projection (no entity is loaded): the young person (tenancy), the
 * organisation's policy, when the agreement was first made, and every consent with its withdrawal. That read is good
 * for any scope, platform and time, and {@link ConsentCheckCache} keeps it until any of it changes, so repeated
 * checks of one young person (a session's booking, its reminders, its start) are answered from memory.
 */
@ApplicationScoped
public class ConsentChecks {

    private static final String QUERY = """
            select yp.organisation,
                   coalesce(s.agreement_required_for_group_sessions, ?) as agreement_required,
                   (select min(a.agreed_at) from safety_agreement a where a.young_person_id = yp.id) as first_agreed_at,
                   c.id, c.scope, c.platforms, c.given_at, c.expires_at, w.withdrawn_at
            from young_person yp
            left join organisation_settings s on s.organisation = yp.organisation
            left join consent c on c.young_person_id = yp.id
            left join consent_withdrawal w on w.consent_id = c.id
            where yp.id = ?
            order by c.given_at desc
            """;

    @Inject
    DataSource dataSource;

    @Inject
    ConsentSettings defaults;

    @Inject
    ConsentCheckCache cache;

    public ConsentCheck check(String organisation, UUID youngPersonId, ConsentScope scope, Platform platform,
                              OffsetDateTime at) {
        ConsentCheckInputs inputs = cache.inputs(youngPersonId, this::read);
        // another organisation's young person is not there at all, as if the query had asked for the organisation
        if (inputs == null || !inputs.organisation().equals(organisation)) {
            throw new RecordNotFoundException("young person");
        }
        return inputs.decide(scope, platform, at);
    }

    /** What the check needs to know about the young person; null when there is no such young person. */
    ConsentCheckInputs read(UUID youngPersonId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setBoolean(1, defaults.agreementRequiredForGroupSessions());
            statement.setObject(2, youngPersonId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                String organisation = rows.getString(1);
                boolean agreementRequired = rows.getBoolean(2);
                OffsetDateTime firstAgreedAt = rows.getObject(3, OffsetDateTime.class);
                List<GivenConsent> consents = new ArrayList<>(2);
                do {
                    UUID consentId = rows.getObject(4, UUID.class);
                    if (consentId != null) {
                        consents.add(new GivenConsent(consentId, ConsentScope.valueOf(rows.getString(5)),
                                rows.getString(6), rows.getObject(7, OffsetDateTime.class),
                                rows.getObject(8, OffsetDateTime.class), rows.getObject(9, OffsetDateTime.class)));
                    }
                } while (rows.next());
                return new ConsentCheckInputs(organisation, agreementRequired, firstAgreedAt, consents);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("consent check failed", e);
        }
    }
}
