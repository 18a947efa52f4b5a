package org.safesessions.consent.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.safesessions.consent.domain.ConsentCheck;
import org.safesessions.consent.domain.ConsentCheck.Candidate;
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
 * The consent check, on the hot path of booking (SPEC §10): one indexed query, straight from JDBC into a small
 * projection. It reads the young person (tenancy), the organisation's policy, whether an agreement exists, and the
 * scope's consents with their withdrawals, all in one round trip; no entity is loaded.
 */
@ApplicationScoped
public class ConsentChecks {

    private static final String QUERY = """
            select coalesce(s.agreement_required_for_group_sessions, ?) as agreement_required,
                   exists (select 1 from safety_agreement a
                           where a.young_person_id = yp.id and a.agreed_at <= ?) as agreement_given,
                   c.id, c.platforms, c.expires_at, w.withdrawn_at
            from young_person yp
            left join organisation_settings s on s.organisation = yp.organisation
            left join consent c on c.young_person_id = yp.id and c.scope = ? and c.given_at <= ?
            left join consent_withdrawal w on w.consent_id = c.id
            where yp.id = ? and yp.organisation = ?
            order by c.given_at desc
            """;

    @Inject
    DataSource dataSource;

    @Inject
    ConsentSettings defaults;

    public ConsentCheck check(String organisation, UUID youngPersonId, ConsentScope scope, Platform platform,
                              OffsetDateTime at) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setBoolean(1, defaults.agreementRequiredForGroupSessions());
            statement.setObject(2, at);
            statement.setString(3, scope.name());
            statement.setObject(4, at);
            statement.setObject(5, youngPersonId);
            statement.setString(6, organisation);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new RecordNotFoundException("young person");
                }
                boolean agreementNeeded = scope == ConsentScope.GROUP_SESSIONS && rows.getBoolean(1);
                boolean agreementGiven = rows.getBoolean(2);
                List<Candidate> candidates = new ArrayList<>(2);
                do {
                    UUID consentId = rows.getObject(3, UUID.class);
                    if (consentId != null) {
                        candidates.add(new Candidate(consentId, rows.getString(4),
                                rows.getObject(5, OffsetDateTime.class), rows.getObject(6, OffsetDateTime.class)));
                    }
                } while (rows.next());
                return ConsentCheck.decide(candidates, platform, at, agreementNeeded, agreementGiven);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("consent check failed", e);
        }
    }
}
