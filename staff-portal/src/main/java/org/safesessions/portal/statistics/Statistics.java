package org.safesessions.portal.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;
import org.safesessions.portal.client.ServiceUnavailable;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.safesessions.portal.client.Backend.query;

/**
 * The charts' figures, as the services count them with the caller's token (SPEC §5 "Statistics"; the services decide
 * which concerns and sessions this person's figures cover): safeguarding-service's {@code GET /statistics} and
 * session-service's {@code GET /sessions/statistics}, both for whole days {@code from}–{@code to} in Europe/London.
 * Only aggregates reach the portal. A refusal or a service down is thrown as for any other read
 * ({@link org.safesessions.portal.client.ServiceRefusal}, {@link ServiceUnavailable}).
 */
@ApplicationScoped
public class Statistics {

    /** Both services answer for at most 366 days at a time: twelve whole months. */
    public static final int MAX_MONTHS = 12;

    private static final Logger LOG = Logger.getLogger(Statistics.class);

    @Inject
    Backend backend;

    @Inject
    ObjectMapper json;

    /** Concerns raised in the months [from, to]: the period's figures and each month's. */
    public ConcernFigures concerns(YearMonth from, YearMonth to) {
        ConcernFigures.Period period = read(Service.SAFEGUARDING, "/statistics", from, to, ConcernFigures.Period.class);
        List<ConcernFigures.Period> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(from.equals(to) ? period : read(Service.SAFEGUARDING, "/statistics", m, m, ConcernFigures.Period.class));
        }
        return new ConcernFigures(period, months);
    }

    /** Sessions in the months [from, to]: held, young people reached, invited, attended. */
    public SessionFigures sessions(YearMonth from, YearMonth to) {
        return read(Service.SESSION, "/sessions/statistics", from, to, SessionFigures.class);
    }

    private <T> T read(Service service, String path, YearMonth from, YearMonth to, Class<T> type) {
        JsonNode body = backend.read(service, path, query("from", from.atDay(1), "to", to.atEndOfMonth()));
        try {
            return json.treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // an answer the portal cannot read is as good as none: the section says it cannot be shown. The log names
            // where the answer did not fit, never a value (aggregates only, but nothing of them is needed here).
            LOG.warnf("%s GET %s: statistics the portal cannot read (%s at %s)", service, path, e.getClass().getSimpleName(),
                    e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? m.getPathReference() : "?");
            throw new ServiceUnavailable(service, "unreadable statistics: " + e.getClass().getSimpleName());
        }
    }
}
