package org.safesessions.notification.application;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every phrase of the messages families get, in English here and in Welsh in {@code messages/msg_cy.properties}:
 * one Qute template per message uses {@code {msg:...}} for its words, and the recipient's language picks the
 * bundle ({@link MessageTemplates#render}). Dates arrive already written in the language ({@link MessageData}), and
 * each date follows a colon, a comma or a bracket in the Welsh so that no word before it would need to mutate it
 * ("ar ddydd Mawrth"). Staff messages are English only and do not use this bundle.
 */
@MessageBundle(value = "msg", locale = "en")
public interface FamilyMessages {

    /** The {@code lang} attribute of an HTML message. */
    @Message("en")
    String lang();

    @Message("Dear {name},")
    String dear(String name);

    @Message("SafeSessions")
    String signature();

    // session invitation and reminders

    @Message("Invitation: {title} on {date} at {time}")
    String invitationSubject(String title, String date, String time);

    @Message("{name} is invited to {title} on {platform}, on {date} from {start} to {end} (UK time).")
    String invitationIntro(String name, String title, String platform, String date, String start, String end);

    @Message("Your personal join link:")
    String joinLink();

    @Message("Passcode:")
    String passcode();

    @Message("This link is for {name} only: please don't share it.")
    String linkForOnly(String name);

    @Message("The youth worker will send the details for joining on {platform}.")
    String detailsToFollow(String platform);

    @Message("Reminder: {title} tomorrow at {time}")
    String reminderDaySubject(String title, String time);

    @Message("A reminder: {title} is tomorrow, {date}, from {start} to {end} (UK time), on {platform}.")
    String reminderDayIntro(String title, String date, String start, String end, String platform);

    @Message("Starting soon: {title} at {time}")
    String reminderHourSubject(String title, String time);

    @Message("{title} starts in an hour, at {time} (UK time), on {platform}.")
    String reminderHourIntro(String title, String time, String platform);

    // changes, cancellation, removal

    @Message("Session moved to {date} at {time}")
    String changedSubject(String date, String time);

    @Message("The session {name} is booked on, which was on {previousDate} at {previousTime}, has moved.")
    String changedIntro(String name, String previousDate, String previousTime);

    @Message("It is now on {date} from {start} to {end} (UK time). The join link you were sent stays the same.")
    String changedNow(String date, String start, String end);

    @Message("Session on {date} cancelled")
    String cancelledSubject(String date);

    @Message("The session {name} was booked on, on {date} at {time} (UK time), has been cancelled.")
    String cancelledIntro(String name, String date, String time);

    @Message("The join link you were sent for it will no longer work.")
    String linkNoLongerWorks();

    @Message("The coordinator will be in touch about the next one.")
    String coordinatorInTouch();

    @Message("{name} is no longer booked on the session of {date}")
    String removedSubject(String name, String date);

    @Message("{name} is no longer booked on the session of {date} at {time} (UK time): {reason}.")
    String removedIntro(String name, String date, String time, String reason);

    @Message("Please contact the coordinator with any questions.")
    String askCoordinator();

    // consent

    @Message("Consent recorded for {name}")
    String consentRecordedSubject(String name);

    @Message("Thank you. We have recorded your consent for {name} to take part in {scope} on {platforms}.")
    String consentRecordedIntro(String name, String scope, String platforms);

    @Message("This consent lasts until {date}. You can withdraw it at any time by contacting the coordinator; nothing else is needed.")
    String consentLasts(String date);

    @Message("Consent withdrawn for {name}")
    String consentWithdrawnSubject(String name);

    @Message("We have recorded that consent for {name} to take part in {scope} was withdrawn on {date}.")
    String consentWithdrawnIntro(String name, String scope, String date);

    @Message("{name} will not be booked on these sessions from now on, and any future bookings are being cancelled. Please contact the coordinator if this is not what you expected.")
    String consentWithdrawnAfter(String name);

    @Message("Consent for {name} ends on {date}")
    String consentExpiringSubject(String name, String date);

    @Message("Your consent for {name} to take part in {scope} ends on {date}.")
    String consentExpiringIntro(String name, String scope, String date);

    @Message("If you would like {name} to keep taking part, please contact the coordinator to renew it before then. If you do nothing, consent simply ends on that date.")
    String consentExpiringRenew(String name);

    // the online-safety reminders every session and consent message carries

    @Message("Staying safe online")
    String safetyHeading();

    @Message("Live is live: anything said or shown in a session can be seen straight away.")
    String safetyLive();

    @Message("Never share personal information such as your address, school or phone number.")
    String safetyPersonal();

    @Message("Don't accept contact requests from people you don't know.")
    String safetyContacts();

    @Message("Be aware of where you are broadcasting from and what is behind you.")
    String safetyBackground();

    @Message("If anything upsets you, tell a youth worker or a trusted adult.")
    String safetyTell();

    // SMS forms (one short line each)

    @Message("SafeSessions: consent recorded for {name} ({scope}) until {date}.")
    String consentRecordedSms(String name, String scope, String date);

    @Message("SafeSessions: consent for {name} ({scope}) was withdrawn on {date}.")
    String consentWithdrawnSms(String name, String scope, String date);

    @Message("SafeSessions: consent for {name} ({scope}) ends on {date}. Contact the coordinator to renew it.")
    String consentExpiringSms(String name, String scope, String date);

    @Message("SafeSessions: {name} is invited to {title} on {date} at {time}.")
    String invitationSms(String name, String title, String date, String time);

    @Message("Join: {url} passcode {passcode}")
    String joinWithPasscodeSms(String url, String passcode);

    @Message("Join: {url}")
    String joinSms(String url);

    @Message("SafeSessions reminder: {title} on {date} at {time}.")
    String reminderDaySms(String title, String date, String time);

    @Message("SafeSessions: {title} starts at {time}.")
    String reminderHourSms(String title, String time);

    @Message("SafeSessions: the session on {previousDate} at {previousTime} is now on {date} at {time}.")
    String changedSms(String previousDate, String previousTime, String date, String time);

    @Message("SafeSessions: the session on {date} at {time} is cancelled.")
    String cancelledSms(String date, String time);

    @Message("SafeSessions: {name} is no longer booked on the session of {date} at {time}.")
    String removedSms(String name, String date, String time);

    // words for the codes events carry (MessageData)

    @Message("group sessions")
    String scopeGroupSessions();

    @Message("one to one sessions")
    String scopeOneToOneSessions();

    @Message("photography filming")
    String scopePhotographyFilming();

    @Message("information sharing")
    String scopeInformationSharing();

    @Message("consent was withdrawn")
    String reasonConsentWithdrawn();

    @Message("consent has expired")
    String reasonConsentExpired();

    @Message("the coordinator took them off the session")
    String reasonCoordinator();
}
