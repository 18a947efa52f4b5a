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
import org.safesessions.portal.problem.FormErrors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.safesessions.portal.client.Backend.query;
import static org.safesessions.portal.web.FormInput.blankToNull;

/**
 * Raising a safeguarding concern (from a session or on its own) and the concerns the caller may see: safeguarding-
 * service decides what each role sees (a youth worker: their own, as a summary).
 */
@Path("/concerns")
@Produces(MediaType.TEXT_HTML)
public class ConcernPages {

    static final List<String> CATEGORIES = List.of("BULLYING", "CYBERBULLYING", "EMOTIONAL_ABUSE", "PHYSICAL_ABUSE",
            "SEXUAL_ABUSE", "SEXUAL_EXPLOITATION", "SEXTING", "NEGLECT", "SELF_HARM", "RADICALISATION", "DOMESTIC_ABUSE",
            "INAPPROPRIATE_CONTENT", "STRANGER_CONTACT", "INAPPROPRIATE_DRESS_OR_LANGUAGE", "OTHER");
    static final List<String> RISKS = List.of("IMMEDIATE_DANGER", "HIGH", "MEDIUM", "LOW");
    static final List<String> SUBJECTS = List.of("YOUNG_PERSON", "STAFF_MEMBER", "UNKNOWN_PARTICIPANT");

    static final Map<String, String> LABELS = Map.of("subjectType", "Who the concern is about", "youngPersonId", "Young person",
            "staffUserName", "Member of staff", "categories", "What the concern is about", "risk", "Risk",
            "narrative", "What happened", "sessionId", "Session");
    static final Map<String, String> RULE_FIELDS = Map.of(
            "young-person-concern-names-the-young-person", "youngPersonId",
            "staff-allegation-names-the-member-of-staff", "staffUserName",
            "allegation-subject-must-be-staff-of-organisation", "staffUserName");

    @Inject
    Backend backend;

    @Inject
    @Location("concerns/list.html")
    Template list;

    @Inject
    @Location("concerns/raise.html")
    Template raise;

    @Inject
    @Location("concerns/concern.html")
    Template concern;

    @GET
    public TemplateInstance list(@RestQuery Integer page) {
        JsonNode concerns = backend.read(Service.SAFEGUARDING, "/concerns", query("page", page, "size", 20));
        return list.data("section", "concerns").data("concerns", concerns);
    }

    @GET
    @Path("new")
    public TemplateInstance raiseForm(@RestQuery String sessionId) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("sessionId", sessionId);
        typed.put("subjectType", "YOUNG_PERSON");
        typed.put("categories", List.of());
        return raisePage(typed, FormErrors.none());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object raise(@RestForm String sessionId, @RestForm String subjectType, @RestForm String youngPersonId,
                        @RestForm String staffUserName, @RestForm List<String> categories, @RestForm String risk,
                        @RestForm String narrative) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("sessionId", sessionId);
        typed.put("subjectType", subjectType);
        typed.put("youngPersonId", youngPersonId);
        typed.put("staffUserName", staffUserName);
        typed.put("categories", categories == null ? List.of() : categories);
        typed.put("risk", risk);
        typed.put("narrative", narrative);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subjectType", blankToNull(subjectType));
        body.put("sessionId", blankToNull(sessionId));
        if ("YOUNG_PERSON".equals(subjectType) && blankToNull(youngPersonId) != null) {
            body.put("youngPersonId", youngPersonId);
            // The date of birth sets the record's retention date; consent-service holds it.
            JsonNode person = HomePage.panel(() -> backend.get(Service.CONSENT, "/young-people/" + youngPersonId));
            if (person != null && person.hasNonNull("dateOfBirth")) {
                body.put("youngPersonDateOfBirth", person.path("dateOfBirth").asText());
            }
        }
        if ("STAFF_MEMBER".equals(subjectType)) {
            body.put("staffUserName", blankToNull(staffUserName));
        }
        body.put("categories", categories == null ? List.of() : categories);
        body.put("risk", blankToNull(risk));
        body.put("narrative", blankToNull(narrative));
        Answer answer = backend.post(Service.SAFEGUARDING, "/concerns", body);
        if (answer.ok()) {
            return Pages.seeOther("/concerns/" + answer.body().path("id").asText() + "?done=raised");
        }
        if (answer.refused()) {
            return raisePage(typed, FormErrors.from(answer, LABELS, RULE_FIELDS, "subjectType"));
        }
        return YoungPeoplePages.refusedPage(answer);
    }

    private TemplateInstance raisePage(Map<String, Object> typed, FormErrors errors) {
        JsonNode people = HomePage.panel(() -> backend.get(Service.CONSENT, "/young-people", query("size", 100)));
        String sessionId = (String) typed.get("sessionId");
        JsonNode session = blankToNull(sessionId) == null ? null
                : HomePage.panel(() -> backend.get(Service.SESSION, "/sessions/" + sessionId));
        return raise.data("section", "concerns").data("typed", typed).data("errors", errors)
                .data("people", people == null ? null : people.path("items")).data("session", session)
                .data("categories", CATEGORIES).data("risks", RISKS).data("subjects", SUBJECTS);
    }

    @GET
    @Path("{id}")
    public TemplateInstance concern(@PathParam("id") UUID id, @RestQuery String done) {
        JsonNode c = backend.read(Service.SAFEGUARDING, "/concerns/" + id);
        // A summary is the concern itself; a full record may wrap it
        JsonNode summary = c.has("concern") ? c.get("concern") : c;
        return concern.data("section", "concerns").data("c", summary).data("full", c)
                .data("done", "raised".equals(done) ? "Concern raised. Your designated safeguarding lead has been told." : null);
    }
}
