package org.safesessions.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.safesessions.portal.client.Answer;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;
import org.safesessions.portal.client.ServiceUnavailable;
import org.safesessions.portal.security.Caller;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

import static org.safesessions.portal.client.Backend.query;

/** What this person can do today: their sessions, the concerns they may see, their unread notifications. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    static final ZoneId UK = ZoneId.of("Europe/London");

    @Inject
    @Location("home.html")
    Template home;

    @Inject
    Backend backend;

    @Inject
    Caller caller;

    @GET
    public TemplateInstance home() {
        LocalDate today = LocalDate.now(UK);
        JsonNode sessions = caller.leadsSessions() ? panel(() -> backend.get(Service.SESSION, "/sessions", query(
                "from", today.atStartOfDay(UK).toOffsetDateTime(),
                "to", today.plusDays(8).atStartOfDay(UK).toOffsetDateTime(),
                "facilitator", caller.booksSessions() ? null : caller.userName(), "size", 10))) : null;
        JsonNode concerns = panel(() -> backend.get(Service.SAFEGUARDING, "/concerns", query("size", 5)));
        JsonNode notifications = panel(() -> backend.get(Service.NOTIFICATION, "/me/notifications", query("unread", true, "size", 5)));
        return home.data("section", "home")
                .data("sessions", sessions).data("sessionsDown", caller.leadsSessions() && sessions == null)
                .data("concerns", concerns).data("concernsDown", concerns == null)
                .data("notifications", notifications).data("notificationsDown", notifications == null);
    }

    /** One panel of the home page: a service that is down leaves its panel saying so, not the whole page. */
    static JsonNode panel(Supplier<Answer> call) {
        try {
            Answer answer = call.get();
            return answer.ok() ? answer.body() : null;
        } catch (ServiceUnavailable e) {
            return null;
        }
    }
}
