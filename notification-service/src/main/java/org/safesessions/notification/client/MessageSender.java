package org.safesessions.notification.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safesessions.events.EventJson;
import org.safesessions.kit.staff.StaffDirectory;
import org.safesessions.kit.staff.StaffMember;
import org.safesessions.kit.time.Time;
import org.safesessions.notification.application.MessageData;
import org.safesessions.notification.application.MessageTemplates;
import org.safesessions.notification.client.ConsentServiceContacts.Contacts;
import org.safesessions.notification.client.ConsentServiceContacts.Guardian;
import org.safesessions.notification.client.SessionServiceInvitations.JoinDetails;
import org.safesessions.notification.domain.Channel;
import org.safesessions.notification.domain.Delivery.RecipientKind;
import org.safesessions.notification.domain.Delivery;
import org.safesessions.notification.domain.Language;
import org.safesessions.notification.domain.MessageRequest;
import org.safesessions.notification.domain.MessageTemplate;
import org.safesessions.notification.domain.RecipientUnavailableException;
import org.safesessions.notification.domain.RenderedMessage;
import org.safesessions.notification.domain.StaffAudience;
import org.safesessions.notification.domain.StaffContact;
import org.safesessions.notification.domain.TemplateSource;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a due delivery into what its channel needs: looks up the recipient now (consent-service for families; for
 * staff, Keycloak through the kit's staff directory, plus the phone and preferences this service keeps), renders the
 * organisation's template, and leaves the hand-over itself to the dispatcher, which records it. Throws
 * {@link RecipientUnavailableException} when the message cannot be sent at all; while Keycloak is away the directory's
 * exception makes the dispatcher record a failure and retry, so a message is never sent to a guessed address.
 */
@ApplicationScoped
public class MessageSender {

    private static final Logger LOG = Logger.getLogger(MessageSender.class);

    /** Young people this old or older, with an email address, get their own invitations (SPEC §6). */
    static final int OWN_INVITATION_AGE = 13;

    /** Session messages that carry the personal join link, read from session-service when sent. */
    private static final Set<MessageTemplate> WITH_JOIN_DETAILS = Set.of(MessageTemplate.SESSION_INVITATION,
            MessageTemplate.SESSION_REMINDER_DAY, MessageTemplate.SESSION_REMINDER_HOUR);

    @Inject
    FamilyContacts family;

    @Inject
    StaffDirectory staffDirectory;

    @Inject
    MessageTemplates templates;

    @Inject
    SmtpMailer mailer;

    @Inject
    SmsProvider sms;

    @Inject
    Time time;

    @ConfigProperty(name = "notification.portal-url")
    String portalUrl;

    @ConfigProperty(name = "notification.message-id-domain", defaultValue = "safesessions.local")
    String messageIdDomain;

    public Outgoing prepare(Delivery delivery) {
        return prepare(delivery, null);
    }

    /**
     * What a family member's message, sent straight after its family message was addressed, needs that the
     * addressing has just read: the family's contacts (looked up in consent-service a moment ago) and the template in
     * force (read in the addressing transaction).
     */
    public record Looked(Contacts contacts, TemplateSource template) {
    }

    /**
     * The template in force for a family message's members, for {@link Looked}: read in the caller's transaction (the
     * addressing one), so sending each member's message does not open a transaction of its own to read it again.
     */
    public TemplateSource templateInForce(Delivery family) {
        return MessageTemplate.of(family.templateKey).map(t -> templates.current(family.organisation, t)).orElse(null);
    }

    /**
     * As {@link #prepare(Delivery)}, for a family member's message sent straight after its family message was
     * addressed, with what that addressing read a moment ago (null: look everything up now).
     */
    public Outgoing prepare(Delivery delivery, Looked looked) {
        MessageTemplate template = MessageTemplate.of(delivery.templateKey)
                .orElseThrow(() -> new RecipientUnavailableException("unknown template " + delivery.templateKey));
        return switch (delivery.recipientKind) {
            case FAMILY -> address(delivery, template);
            case STAFF_GROUP -> addressStaff(delivery);
            case GUARDIAN, YOUNG_PERSON -> toFamilyMember(delivery, template, looked);
            case STAFF -> toStaff(delivery, template);
        };
    }

    /**
     * A family message becomes one message per guardian, on the channel each prefers (the other one if they gave no
     * address for it), and one to the young person when the template is for them too and they are 13+ with an email.
     */
    private Outgoing address(Delivery delivery, MessageTemplate template) {
        Contacts contacts = family.contacts(delivery.organisation, delivery.youngPersonId);
        List<MessageRequest> messages = new ArrayList<>();
        for (Guardian guardian : contacts.guardians()) {
            messages.add(member(delivery, RecipientKind.GUARDIAN, guardian.id(), preferredChannel(guardian)));
        }
        if (template.audience() == MessageTemplate.Audience.FAMILY && oldEnoughForOwnMessages(contacts)
                && present(contacts.email())) {
            messages.add(member(delivery, RecipientKind.YOUNG_PERSON, delivery.youngPersonId, Channel.EMAIL));
        }
        if (messages.isEmpty()) {
            throw new RecipientUnavailableException("no guardian or young person to tell");
        }
        return new Outgoing.Addressed(messages, contacts);
    }

    private MessageRequest member(Delivery family, RecipientKind kind, java.util.UUID recipientId, Channel channel) {
        return MessageRequest.toFamily(family.organisation, family.eventId, family.templateKey, kind, recipientId,
                family.youngPersonId, family.sessionId, channel, family.urgent, null, family.params);
    }

    static Channel preferredChannel(Guardian guardian) {
        boolean email = present(guardian.email());
        boolean phone = present(guardian.phone());
        if (phone && ("SMS".equalsIgnoreCase(guardian.preferredChannel()) || !email)) {
            return Channel.SMS;
        }
        return Channel.EMAIL;
    }

    private boolean oldEnoughForOwnMessages(Contacts contacts) {
        LocalDate born = contacts.dateOfBirth();
        return born != null && Period.between(born, time.now().atZoneSameInstant(MessageData.UK).toLocalDate()).getYears() >= OWN_INVITATION_AGE;
    }

    private Outgoing toFamilyMember(Delivery delivery, MessageTemplate template, Looked looked) {
        Contacts contacts = looked != null && looked.contacts() != null ? looked.contacts()
                : family.contacts(delivery.organisation, delivery.youngPersonId);
        String name;
        String email;
        String phone;
        Language language;
        if (delivery.recipientKind == RecipientKind.GUARDIAN) {
            Guardian guardian = contacts.guardians().stream().filter(g -> g.id().equals(delivery.recipientId)).findFirst()
                    .orElseThrow(() -> new RecipientUnavailableException("guardian no longer registered"));
            name = guardian.name();
            email = guardian.email();
            phone = guardian.phone();
            language = Language.ofCode(guardian.preferredLanguage());
        } else {
            name = contacts.preferredName();
            email = contacts.email();
            phone = null;
            language = Language.ofCode(contacts.preferredLanguage());
        }
        // each family member reads the message in the language they chose, as consent-service says now
        MessageData data = data(delivery, template.bilingual() ? language : Language.EN)
                .with("recipientName", name).with("youngPersonName", contacts.preferredName());
        if (WITH_JOIN_DETAILS.contains(template) && delivery.sessionId != null) {
            JoinDetails join = family.joinDetails(delivery.organisation, delivery.sessionId, delivery.youngPersonId);
            data.with("title", join.title()).with("joinUrl", join.joinUrl()).with("passcode", join.passcode());
        }
        return handOver(delivery, template, data, email, phone, looked != null ? looked.template() : null);
    }

    /**
     * A staff message becomes one message per member of its audience, found in Keycloak now: the holders of its
     * roles and the staff it names (by Keycloak id; by user name only where the event had no id), never its excepted member (an allegation's subject), and when that leaves nobody,
     * the holders of its fallback roles. Each gets the in-app feed and email, and SMS too when urgent; a non-urgent one
     * goes by the channel they prefer and waits out quiet hours if they asked for that.
     */
    private Outgoing addressStaff(Delivery delivery) {
        StaffAudience audience = StaffAudience.parse(delivery.audience);
        Map<String, StaffMember> members = new LinkedHashMap<>();
        for (String role : audience.roles()) {
            staffDirectory.withRole(delivery.organisation, role).forEach(m -> members.putIfAbsent(m.id(), m));
        }
        List<String> gone = new ArrayList<>();
        for (String staffId : audience.staffIds()) {
            staffDirectory.byId(delivery.organisation, staffId)
                    .ifPresentOrElse(m -> members.putIfAbsent(m.id(), m), () -> gone.add(staffId));
        }
        for (String userName : audience.userNames()) {
            staffDirectory.byUserName(delivery.organisation, userName)
                    .ifPresentOrElse(m -> members.putIfAbsent(m.id(), m),
                            () -> LOG.warnf("message %s: a named recipient is not staff of %s", delivery.id, delivery.organisation));
        }
        members.remove(audience.exceptStaffId());
        gone.remove(audience.exceptStaffId());
        if (members.isEmpty()) {
            for (String role : audience.otherwiseRoles()) {
                staffDirectory.withRole(delivery.organisation, role).forEach(m -> members.putIfAbsent(m.id(), m));
            }
            members.remove(audience.exceptStaffId());
        }
        if (members.isEmpty()) {
            LOG.logf(delivery.urgent ? Logger.Level.ERROR : Logger.Level.WARN,
                    "message %s (%s): nobody on the staff of %s to tell", delivery.id, delivery.templateKey, delivery.organisation);
            throw new RecipientUnavailableException(gone.isEmpty() ? "nobody on the staff to tell"
                    : "nobody on the staff to tell: " + gone.size() + " named no longer an enabled member of staff "
                    + "of the organisation");
        }
        Map<String, StaffContact> contacts = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, StaffContact> found = new LinkedHashMap<>();
            members.keySet().forEach(id -> StaffContact.of(delivery.organisation, id).ifPresent(c -> found.put(id, c)));
            return found;
        });
        List<MessageRequest> messages = new ArrayList<>();
        for (StaffMember member : members.values()) {
            StaffContact contact = contacts.get(member.id());
            List<Channel> channels = new ArrayList<>(List.of(Channel.IN_APP));
            if (delivery.urgent) {
                channels.addAll(List.of(Channel.EMAIL, Channel.SMS));
            } else {
                channels.add(contact != null && contact.preferredChannel == StaffContact.PreferredChannel.SMS
                        && contact.hasPhone() ? Channel.SMS : Channel.EMAIL);
            }
            boolean quiet = !delivery.urgent && contact != null && contact.quietHours;
            for (Channel channel : channels) {
                messages.add(new MessageRequest(delivery.organisation, delivery.eventId, delivery.templateKey,
                        RecipientKind.STAFF, StaffAudience.recipientId(delivery.organisation, member.id()), member.id(),
                        member.userName(), null, delivery.sessionId, channel, delivery.urgent, null, delivery.params,
                        null, quiet));
            }
        }
        for (String staffId : gone) {
            // someone named by id who has left: one record that they were not told (the delivery says why when due)
            messages.add(new MessageRequest(delivery.organisation, delivery.eventId, delivery.templateKey,
                    RecipientKind.STAFF, StaffAudience.recipientId(delivery.organisation, staffId), staffId, null,
                    null, delivery.sessionId, Channel.IN_APP, delivery.urgent, null, delivery.params, null, false));
        }
        return new Outgoing.Addressed(messages, null);
    }

    /** One staff message: who they are comes from Keycloak now (by id), the phone from this service's contacts. */
    private Outgoing toStaff(Delivery delivery, MessageTemplate template) {
        StaffMember staff = (delivery.staffUserId != null
                ? staffDirectory.byId(delivery.organisation, delivery.staffUserId)
                : staffDirectory.byUserName(delivery.organisation, delivery.staffUserName))
                .orElseThrow(() -> new RecipientUnavailableException("not an enabled member of staff of the organisation"));
        MessageData data = data(delivery, Language.EN).with("recipientName", staff.displayName());
        if (delivery.channel == Channel.IN_APP) {
            RenderedMessage message = render(delivery, template, data);
            return new Outgoing.InApp(message.subject(), message.text());
        }
        String phone = delivery.channel != Channel.SMS ? null : QuarkusTransaction.requiringNew().call(() ->
                StaffContact.of(delivery.organisation, staff.id()).map(c -> c.phone).orElse(null));
        return handOver(delivery, template, data, staff.email(), phone, null);
    }

    /** {@code source}: the template in force as the caller has just read it (null: read it now). */
    private Outgoing handOver(Delivery delivery, MessageTemplate template, MessageData data, String email, String phone,
                              TemplateSource source) {
        switch (delivery.channel) {
            case EMAIL -> {
                if (!present(email)) {
                    throw new RecipientUnavailableException("no email address");
                }
                RenderedMessage message = render(delivery, template, data, source);
                Mail mail = Mail.withText(email, message.subject(), message.text()).setHtml(message.html())
                        .addHeader("Message-ID", messageId(delivery));
                return new Outgoing.HandOver(() -> mailer.send(mail));
            }
            case SMS -> {
                if (!present(phone)) {
                    throw new RecipientUnavailableException("no phone number");
                }
                RenderedMessage message = render(delivery, template, data, source);
                return new Outgoing.HandOver(() -> sms.send(phone, message.sms(), delivery.id.toString()));
            }
            default -> throw new RecipientUnavailableException("no route for " + delivery.recipientKind + " by " + delivery.channel);
        }
    }

    /** Derived from the delivery id: a message sent twice (after a crash) is recognisably the same message. */
    String messageId(Delivery delivery) {
        return "<" + delivery.id + "@" + messageIdDomain + ">";
    }

    private RenderedMessage render(Delivery delivery, MessageTemplate template, MessageData data) {
        return render(delivery, template, data, null);
    }

    private RenderedMessage render(Delivery delivery, MessageTemplate template, MessageData data, TemplateSource known) {
        TemplateSource source = known != null ? known
                : QuarkusTransaction.requiringNew().call(() -> templates.current(delivery.organisation, template));
        return templates.render(template, source, data);
    }

    private MessageData data(Delivery delivery, Language language) {
        try {
            Map<String, Object> params = EventJson.mapper().readValue(delivery.params, new TypeReference<>() { });
            return MessageData.fromParams(params, portalUrl, language);
        } catch (JsonProcessingException e) {
            throw new RecipientUnavailableException("unreadable message parameters");
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
