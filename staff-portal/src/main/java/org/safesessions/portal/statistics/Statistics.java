package org.safesessions.portal.statistics;

import java.time.YearMonth;

/**
 * The aggregates the charts draw (SPEC §5 "Statistics": concerns by category and risk per month, time to acknowledge,
 * sessions held and attendance), never a name or a narrative. Today {@link ListedStatistics} counts them from the
 * services' existing lists; safeguarding-service's {@code GET /statistics?from&to}, being built, will replace it as
 * another implementation of this interface, with the pages and charts unchanged.
 */
public interface Statistics {

    /** Concerns raised in the months [from, to], as the caller may see them (the service decides which). */
    ConcernFigures concerns(YearMonth from, YearMonth to);

    /** Sessions starting in the months [from, to]: held, invited, attended. */
    AttendanceFigures attendance(YearMonth from, YearMonth to);
}
