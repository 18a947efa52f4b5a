package org.safesessions.portal.statistics;

import io.quarkus.qute.TemplateData;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * safeguarding-service's statistics ({@code GET /statistics?from&to}) for the period, and the same for each of its
 * months (percentiles cannot be added up, so each month is asked for on its own). Aggregates only.
 *
 * @param period  the whole period: concerns per month by category and risk, time to acknowledge, council responses
 * @param byMonth one answer per month of the period, in order: its time to acknowledge and council responses
 */
@TemplateData
public record ConcernFigures(Period period, List<Period> byMonth) {

    /** The service's answer for one period (from, to: both days included). */
    @TemplateData
    public record Period(LocalDate from, LocalDate to, long concerns, List<Month> months, Acknowledgement acknowledgement,
                         CouncilResponses councilResponses) {
    }

    /** One month: its concerns, by category (a concern counts once in each of its categories) and by risk. */
    @TemplateData
    public record Month(YearMonth month, long concerns, Map<String, Long> byCategory, Map<String, Long> byRisk) {
    }

    /** Time from raising to a DSL's acknowledgement (nearest-rank percentiles, null when none was acknowledged). */
    @TemplateData
    public record Acknowledgement(long acknowledged, Double p50Minutes, Double p90Minutes, ImmediateDanger immediateDanger) {
    }

    /**
     * Immediate dangers against their acknowledgement clock; those still inside it and unacknowledged ({@code notYetDue})
     * are left out of the share, which is null when none is decided.
     */
    @TemplateData
    public record ImmediateDanger(long concerns, long acknowledgedWithinClock, long notYetDue, Double shareWithinClock,
                                  long clockMinutes) {

        /** Acknowledged after the clock ran out, or not at all once it had. */
        public long notWithinClock() {
            return Math.max(0, concerns - acknowledgedWithinClock - notYetDue);
        }
    }

    /** Referrals made (escalated) in the period and the time to the council's first response. */
    @TemplateData
    public record CouncilResponses(long referrals, long responded, Double p50Minutes, Double p90Minutes) {
    }
}
