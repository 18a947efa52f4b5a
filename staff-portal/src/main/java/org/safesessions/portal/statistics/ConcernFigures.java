package org.safesessions.portal.statistics;

import io.quarkus.qute.TemplateData;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Concerns raised per month: by risk, by category (a concern may have several), and how their acknowledgement went
 * against the clock (immediate dangers only).
 *
 * @param partial the figures cover only part of the period (the source read at most so many concerns)
 * @param acknowledgementMinutesKnown whether the source gives how long each acknowledgement took (the lists do not)
 */
@TemplateData
public record ConcernFigures(List<Month> months, boolean partial, boolean acknowledgementMinutesKnown) {

    /** How an immediate danger's acknowledgement went against the 15-minute clock. */
    public enum Acknowledgement {
        WITHIN_CLOCK("Acknowledged within the clock"),
        AFTER_CLOCK("Acknowledged after the clock ran out"),
        ACKNOWLEDGED("Acknowledged (how long it took is not in the lists)"),
        WAITING("Waiting, within the clock"),
        WAITING_PAST_CLOCK("Waiting, the clock has run out");

        private final String words;

        Acknowledgement(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    @TemplateData
    public record Month(YearMonth month, long raised, Map<String, Long> byRisk, Map<String, Long> byCategory,
                        Map<Acknowledgement, Long> acknowledgement) {
    }
}
