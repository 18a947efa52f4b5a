package org.safesessions.safeguarding;

import org.junit.jupiter.api.Test;
import org.safesessions.safeguarding.domain.ConcernStatus;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.safesessions.safeguarding.domain.ConcernStatus.ACKNOWLEDGED;
import static org.safesessions.safeguarding.domain.ConcernStatus.CLOSED;
import static org.safesessions.safeguarding.domain.ConcernStatus.ESCALATED;
import static org.safesessions.safeguarding.domain.ConcernStatus.MONITORING;
import static org.safesessions.safeguarding.domain.ConcernStatus.RAISED;
import static org.safesessions.safeguarding.domain.ConcernStatus.UNDER_REVIEW;

/** Every pair of statuses: only SPEC §5's moves are legal. */
class ConcernStatusTest {

    static final Map<ConcernStatus, Set<ConcernStatus>> LEGAL = Map.of(
            RAISED, Set.of(ACKNOWLEDGED),
            ACKNOWLEDGED, Set.of(UNDER_REVIEW),
            UNDER_REVIEW, Set.of(ESCALATED, MONITORING, CLOSED),
            MONITORING, Set.of(ESCALATED, CLOSED),
            ESCALATED, Set.of(CLOSED),
            CLOSED, Set.of());

    @Test
    void onlyTheWorkflowsOwnMovesAreLegal() {
        int pairs = 0;
        for (ConcernStatus from : ConcernStatus.values()) {
            for (ConcernStatus to : ConcernStatus.values()) {
                assertEquals(LEGAL.get(from).contains(to), from.mayMoveTo(to), from + " → " + to);
                pairs++;
            }
        }
        assertEquals(36, pairs);
    }
}
