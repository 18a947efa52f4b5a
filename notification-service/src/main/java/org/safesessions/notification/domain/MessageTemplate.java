package org.safesessions.notification.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The messages this service sends. Each has a subject, a plain-text and an HTML Qute template (built in under
 * templates/messages/, editable per organisation by managers) and a short SMS form. Family messages carry the
 * online-safety reminders and are written in English or Welsh: their words are the {@code {msg:...}} phrases of the
 * family message bundle, so one template serves both languages. Staff alerts are English, carry a reference and a
 * portal link, never a narrative or a child's name.
 */
public enum MessageTemplate {
    CONSENT_CONFIRMATION("consent-confirmation", Audience.GUARDIANS,
            "{msg:consentRecordedSubject(youngPersonName)}",
            "{msg:consentRecordedSms(youngPersonName, scopeText, expiresOn)}"),
    CONSENT_WITHDRAWN("consent-withdrawn", Audience.GUARDIANS,
            "{msg:consentWithdrawnSubject(youngPersonName)}",
            "{msg:consentWithdrawnSms(youngPersonName, scopeText, withdrawnOn)}"),
    CONSENT_EXPIRING("consent-expiring", Audience.GUARDIANS,
            "{msg:consentExpiringSubject(youngPersonName, expiresOn)}",
            "{msg:consentExpiringSms(youngPersonName, scopeText, expiresOn)}"),
    SESSION_INVITATION("session-invitation", Audience.FAMILY,
            "{msg:invitationSubject(title, startsOn, startsTime)}",
            "{msg:invitationSms(youngPersonName, title, startsOn, startsTime)}{#if joinUrl} {msg:joinWithPasscodeSms(joinUrl, passcode)}{/if}"),
    SESSION_REMINDER_DAY("session-reminder-24h", Audience.FAMILY,
            "{msg:reminderDaySubject(title, startsTime)}",
            "{msg:reminderDaySms(title, startsOn, startsTime)}{#if joinUrl} {msg:joinSms(joinUrl)}{/if}"),
    SESSION_REMINDER_HOUR("session-reminder-1h", Audience.FAMILY,
            "{msg:reminderHourSubject(title, startsTime)}",
            "{msg:reminderHourSms(title, startsTime)}{#if joinUrl} {msg:joinSms(joinUrl)}{/if}"),
    SESSION_CHANGED("session-changed", Audience.FAMILY,
            "{msg:changedSubject(startsOn, startsTime)}",
            "{msg:changedSms(previousStartsOn, previousStartsTime, startsOn, startsTime)}"),
    SESSION_CANCELLED("session-cancelled", Audience.FAMILY,
            "{msg:cancelledSubject(startsOn)}",
            "{msg:cancelledSms(startsOn, startsTime)}"),
    REMOVED_FROM_SESSION("removed-from-session", Audience.GUARDIANS,
            "{msg:removedSubject(youngPersonName, startsOn)}",
            "{msg:removedSms(youngPersonName, startsOn, startsTime)}"),
    STAFF_SESSION_CANCELLED("staff-session-cancelled", Audience.STAFF,
            "Session on {startsOn} at {startsTime} cancelled",
            "SafeSessions: the session on {startsOn} at {startsTime} is cancelled. {sessionLink}"),
    STAFF_PARTICIPANT_REMOVED("staff-participant-removed", Audience.STAFF,
            "A young person was taken off the session of {startsOn}",
            "SafeSessions: a young person was taken off the session of {startsOn} ({reasonText}). {sessionLink}"),
    CONCERN_ALERT("concern-alert", Audience.STAFF,
            "URGENT safeguarding concern {reference} ({riskText})",
            "SafeSessions URGENT: safeguarding concern {reference} ({riskText}) needs a DSL now. {concernLink}"),
    CLOCK_BREACHED_ALERT("clock-breached-alert", Audience.STAFF,
            "URGENT overdue: safeguarding concern {reference}",
            "SafeSessions URGENT: {clockText} for concern {reference} was due at {dueTime} on {dueOn}. {concernLink}"),
    UNKNOWN_PARTICIPANT_ALERT("unknown-participant-alert", Audience.STAFF,
            "URGENT: unknown participant joined your session at {joinedTime}",
            "SafeSessions URGENT: someone not invited joined your session at {joinedTime}. Remove them now. {sessionLink}"),
    UNKNOWN_PARTICIPANT_WAITING_ALERT("unknown-participant-waiting-alert", Audience.STAFF,
            "URGENT: someone not invited is in your session's waiting room",
            "SafeSessions URGENT: someone not invited is in your session's waiting room since {waitingTime}. Do not admit them. {sessionLink}"),
    ZOOM_HOST_SETTINGS_DRIFTED("zoom-host-settings-drifted", Audience.STAFF,
            "A Zoom host's safety settings changed: the host is set aside",
            "SafeSessions: a Zoom host's safety settings changed ({settingsText}); it gets no sessions until checked. {zoomHostsLink}"),
    PROVISIONING_FAILED("provisioning-failed", Audience.STAFF,
            "No meeting yet for the session of {startsOn} at {startsTime}",
            "SafeSessions: the meeting for the session of {startsOn} could not be set up ({failure}). {sessionLink}");

    /** Who a template speaks to: the sample data for previews, and who a family message is addressed to. */
    public enum Audience {
        /** The young person's guardians. */
        GUARDIANS,
        /** Guardians, and the young person too when 13 or over with an email address. */
        FAMILY,
        STAFF
    }

    private final String key;
    private final Audience audience;
    private final String subject;
    private final String sms;

    MessageTemplate(String key, Audience audience, String subject, String sms) {
        this.key = key;
        this.audience = audience;
        this.subject = subject;
        this.sms = sms;
    }

    public String key() {
        return key;
    }

    public Audience audience() {
        return audience;
    }

    /** Family messages are written in each family member's own language; staff messages in English. */
    public boolean bilingual() {
        return audience != Audience.STAFF;
    }

    /** The built-in subject, as a Qute template source. */
    public String subject() {
        return subject;
    }

    /** The SMS form (one short line), as a Qute template source. */
    public String sms() {
        return sms;
    }

    public static Optional<MessageTemplate> of(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
