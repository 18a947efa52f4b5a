package org.safesessions.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.safesessions.portal.client.Answer;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;
import org.safesessions.portal.client.ServiceRefusal;
import org.safesessions.portal.problem.FormErrors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.safesessions.portal.client.Backend.query;
import static org.safesessions.portal.web.FormInput.blankToNull;

/**
 * The staff details notification-service keeps beside Keycloak's (phone, preferred channel, quiet hours), for the
 * alerts it sends staff. Name, email and roles are Keycloak's and only shown. notification-service decides who may
 * see and change them (managers): its 403 is the portal's "cannot see" page.
 */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
public class StaffPages {

    static final int PAGE_SIZE = 50;
    static final List<String> CHANNELS = List.of("EMAIL", "SMS");
    static final Map<String, String> LABELS = Map.of("phone", "Phone", "preferredChannel", "How to send alerts",
            "quietHours", "Quiet hours");
    /** Keycloak user names; anything else never reaches notification-service's path. */
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    @Inject
    Backend backend;

    @Inject
    @Location("manage/staff.html")
    Template list;

    @Inject
    @Location("manage/staff-member.html")
    Template member;

    @GET
    public TemplateInstance list(@RestQuery Integer page, @RestQuery String done) {
        int current = page == null ? 0 : Math.max(0, page);
        JsonNode found = backend.read(Service.NOTIFICATION, "/staff", query("page", current, "size", PAGE_SIZE));
        long total = found.path("total").asLong();
        return list.data("section", "manage").data("staff", found.path("items")).data("total", total)
                .data("page", current).data("previousPage", current - 1).data("nextPage", current + 1)
                .data("hasNextPage", (current + 1L) * PAGE_SIZE < total)
                .data("done", "saved".equals(done) ? "Contact details saved" : "forgotten".equals(done)
                        ? "Phone and preferences forgotten" : null);
    }

    @GET
    @Path("{userName}")
    public TemplateInstance edit(@PathParam("userName") String userName) {
        JsonNode m = backend.read(Service.NOTIFICATION, "/staff/" + known(userName));
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("phone", m.path("phone").asText(""));
        typed.put("preferredChannel", m.path("preferredChannel").asText("EMAIL"));
        typed.put("quietHours", m.path("quietHours").asBoolean());
        return page(m, typed, FormErrors.none());
    }

    @POST
    @Path("{userName}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object save(@PathParam("userName") String userName, @RestForm String phone, @RestForm String preferredChannel,
                       @RestForm String quietHours) {
        String name = known(userName);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", blankToNull(phone) == null ? null : phone.trim());
        body.put("preferredChannel", blankToNull(preferredChannel));
        body.put("quietHours", "true".equals(quietHours));
        Answer answer = backend.put(Service.NOTIFICATION, "/staff/" + name, body);
        if (answer.ok()) {
            return Pages.seeOther("/staff?done=saved");
        }
        if (answer.refused()) {
            Map<String, Object> typed = new LinkedHashMap<>();
            typed.put("phone", phone);
            typed.put("preferredChannel", preferredChannel);
            typed.put("quietHours", "true".equals(quietHours));
            return page(backend.read(Service.NOTIFICATION, "/staff/" + name), typed,
                    FormErrors.from(answer, LABELS, Map.of(), "phone"));
        }
        return YoungPeoplePages.refusedPage(answer);
    }

    @POST
    @Path("{userName}/forget")
    public Object forget(@PathParam("userName") String userName) {
        Answer answer = backend.delete(Service.NOTIFICATION, "/staff/" + known(userName));
        if (answer.ok()) {
            return Pages.seeOther("/staff?done=forgotten");
        }
        return YoungPeoplePages.refusedPage(answer);
    }

    static String known(String userName) {
        if (userName == null || !USER_NAME.matcher(userName).matches()) {
            throw new ServiceRefusal(null, 404);
        }
        return URLEncoder.encode(userName, StandardCharsets.UTF_8);
    }

    private TemplateInstance page(JsonNode m, Map<String, Object> typed, FormErrors errors) {
        return member.data("section", "manage").data("m", m).data("typed", typed).data("errors", errors)
                .data("channels", CHANNELS);
    }
}
