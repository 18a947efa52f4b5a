package org.safesessions.consent.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A consent with the facts recorded about it since (its withdrawal, if any). */
public record ConsentFacts(Consent consent, ConsentWithdrawal withdrawal) {

    /** A young person's consents, newest first, with their withdrawals: two queries whatever their number. */
    public static List<ConsentFacts> ofYoungPerson(UUID youngPersonId) {
        Map<UUID, ConsentWithdrawal> withdrawals = ConsentWithdrawal.ofYoungPerson(youngPersonId).stream()
                .collect(Collectors.toMap(w -> w.consentId, Function.identity()));
        return Consent.historyOf(youngPersonId).stream()
                .map(c -> new ConsentFacts(c, withdrawals.get(c.id))).toList();
    }

    public ConsentStatus statusAt(OffsetDateTime at) {
        return consent.statusAt(at, withdrawal);
    }

    /** What happened, in the order it happened: given, then withdrawn or (once its time has come) expired. */
    public static List<Event> timeline(List<ConsentFacts> facts, OffsetDateTime now) {
        List<Event> events = new ArrayList<>();
        for (ConsentFacts f : facts) {
            Consent c = f.consent;
            events.add(new Event(c.givenAt, Event.Kind.GRANTED, c, c.recordedBy));
            if (f.withdrawal != null) {
                events.add(new Event(f.withdrawal.withdrawnAt, Event.Kind.WITHDRAWN, c, f.withdrawal.withdrawnBy));
            } else if (!now.isBefore(c.expiresAt)) {
                events.add(new Event(c.expiresAt, Event.Kind.EXPIRED, c, null));
            }
        }
        events.sort(Comparator.comparing(Event::at).thenComparing(e -> e.kind().ordinal()));
        return events;
    }

    public record Event(OffsetDateTime at, Kind kind, Consent consent, String by) {
        public enum Kind {
            GRANTED,
            WITHDRAWN,
            EXPIRED
        }
    }
}
