package org.safesessions.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;
import org.safesessions.portal.client.Answer;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;
import org.safesessions.portal.problem.FormErrors;
import org.safesessions.portal.problem.RuleSentences;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.safesessions.portal.client.Backend.query;

/**
 * notification-service's delivery records (by reference: no contact details, no message text): the failed and
 * dead-lettered ones first, each with a button to send it again, then every record, newest first. The service keeps
 * no status filter, so the portal picks the failed ones from the newest {@value #FAILED_SCAN} records.
 */
@Path("/deliveries")
@Produces(MediaType.TEXT_HTML)
public class DeliveryPages {

    static final int PAGE_SIZE = 50;
    static final int FAILED_SCAN = 1000;
    static final Set<String> NEEDS_ATTENTION = Set.of("FAILED", "DEAD_LETTERED");

    @Inject
    Backend backend;

    @Inject
    @Location("manage/deliveries.html")
    Template deliveries;

    @GET
    public TemplateInstance list(@RestQuery Integer page, @RestQuery String done) {
        return page(page == null ? 0 : Math.max(0, page), FormErrors.none(),
                "retried".equals(done) ? "Message queued to be sent again" : null);
    }

    private TemplateInstance page(int current, FormErrors errors, String done) {
        JsonNode found = backend.read(Service.NOTIFICATION, "/notifications", query("page", current, "size", PAGE_SIZE));
        List<JsonNode> failed = new ArrayList<>();
        boolean scanLimited = false;
        int read = 0;
        for (int p = 0; read < FAILED_SCAN; p++) {
            JsonNode scanned = backend.read(Service.NOTIFICATION, "/notifications", query("page", p, "size", 200));
            for (JsonNode d : scanned.path("items")) {
                read++;
                if (NEEDS_ATTENTION.contains(d.path("status").asText())) {
                    failed.add(d);
                }
            }
            if (scanned.path("items").size() < 200 || read >= scanned.path("total").asLong()) {
                break;
            }
            scanLimited = read >= FAILED_SCAN;
        }
        long total = found.path("total").asLong();
        return deliveries.data("section", "manage").data("failed", failed).data("scanLimited", scanLimited)
                .data("items", found.path("items")).data("total", total).data("page", current)
                .data("previousPage", current - 1).data("nextPage", current + 1)
                .data("hasNextPage", (current + 1L) * PAGE_SIZE < total).data("errors", errors).data("done", done);
    }

    @POST
    @Path("{id}/retry")
    public Object retry(@PathParam("id") UUID id) {
        Answer answer = backend.post(Service.NOTIFICATION, "/notifications/" + id + "/retry", null);
        if (answer.ok()) {
            return Pages.seeOther("/deliveries?done=retried");
        }
        if (answer.refused()) {
            FormErrors errors = FormErrors.none().add("failed",
                    RuleSentences.sentence(answer.body().path("rule").asText(null), answer.body().path("detail").asText(null)));
            return page(0, errors, null);
        }
        return YoungPeoplePages.refusedPage(answer);
    }
}
