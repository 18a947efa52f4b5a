package org.safesessions.notification.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.safesessions.events.EventJson;
import org.safesessions.notification.delivery.Channel;
import org.safesessions.notification.delivery.Delivery;
import org.safesessions.notification.delivery.RecipientUnavailableException;
import org.safesessions.notification.recipients.ConsentServiceContacts;
import org.safesessions.notification.recipients.ConsentServiceContacts.Contacts;
import org.safesessions.notification.recipients.ConsentServiceContacts.Guardian;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns a queued delivery into a message: looks up the recipient now, renders the template, hands it to the channel. */
@ApplicationScoped
public class MessageSender {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    @Inject
    @RestClient
    ConsentServiceContacts consentService;

    @Inject
    Mailer mailer;

    @Inject
    Engine qute;

    @ConfigProperty(name = "notification.portal-url")
    String portalUrl;

    public void send(Delivery delivery) {
        MessageTemplate template = MessageTemplate.of(delivery.templateKey)
                .orElseThrow(() -> new RecipientUnavailableException("unknown template " + delivery.templateKey));
        if (delivery.recipientKind != Delivery.RecipientKind.GUARDIAN || delivery.channel != Channel.EMAIL) {
            throw new RecipientUnavailableException("no route yet for " + delivery.recipientKind + " by " + delivery.channel);
        }
        Contacts contacts = contactsOf(delivery);
        Guardian guardian = contacts.guardians().stream()
                .filter(g -> g.id().equals(delivery.recipientId))
                .findFirst()
                .orElseThrow(() -> new RecipientUnavailableException("guardian no longer registered"));
        if (guardian.email() == null || guardian.email().isBlank()) {
            throw new RecipientUnavailableException("guardian has no email address");
        }
        Map<String, Object> data = new HashMap<>(params(delivery));
        addReadableForms(data);
        data.put("recipientName", guardian.name());
        data.put("youngPersonName", contacts.preferredName());
        data.put("portalUrl", portalUrl);
        String subject = qute.parse(template.subject()).data(data).render();
        String text = qute.getTemplate("messages/" + template.key() + ".txt").data(data).render();
        String html = qute.getTemplate("messages/" + template.key() + ".html").data(data).render();
        mailer.send(Mail.withText(guardian.email(), subject, text).setHtml(html));
    }

    /** Codes and times from the event in the words and time zone families read: "group sessions", "1 September 2027". */
    private static void addReadableForms(Map<String, Object> data) {
        for (Map.Entry<String, Object> e : Map.copyOf(data).entrySet()) {
            if (e.getKey().equals("scope")) {
                data.put("scopeText", e.getValue().toString().replace('_', ' ').toLowerCase(Locale.UK));
            } else if (e.getKey().equals("platforms") && e.getValue() instanceof List<?> platforms) {
                data.put("platformsText", platforms.stream().map(p -> platformName(p.toString()))
                        .collect(Collectors.joining(", ")));
            } else if (e.getKey().endsWith("At") && e.getValue() instanceof String time) {
                ZonedDateTime local = OffsetDateTime.parse(time).atZoneSameInstant(UK);
                String stem = e.getKey().substring(0, e.getKey().length() - 2);
                data.put(stem + "On", DAY.format(local));
                data.put(stem + "Time", TIME.format(local));
            }
        }
    }

    private static String platformName(String code) {
        return switch (code) {
            case "ZOOM" -> "Zoom";
            case "TEAMS" -> "Microsoft Teams";
            case "GOOGLE_MEET" -> "Google Meet";
            case "WHATSAPP" -> "WhatsApp";
            default -> code.charAt(0) + code.substring(1).toLowerCase(Locale.UK);
        };
    }

    private static Map<String, Object> params(Delivery delivery) {
        try {
            return EventJson.mapper().readValue(delivery.params, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new RecipientUnavailableException("unreadable message parameters");
        }
    }

    private Contacts contactsOf(Delivery delivery) {
        try {
            return consentService.contacts(delivery.youngPersonId, delivery.organisation);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new RecipientUnavailableException("young person no longer registered");
            }
            throw e;
        }
    }
}
