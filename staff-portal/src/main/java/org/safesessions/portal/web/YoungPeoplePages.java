package org.safesessions.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.safesessions.portal.client.Answer;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;
import org.safesessions.portal.problem.FormErrors;
import org.safesessions.portal.security.Caller;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.safesessions.portal.client.Backend.query;
import static org.safesessions.portal.web.FormInput.blankToNull;
import static org.safesessions.portal.web.HomePage.UK;

/**
 * Young people: search, register with guardians, see consent status with its reasons, record and withdraw consent,
 * record the online-safety agreement, consent history. consent-service decides every rule; these pages say it.
 */
@Path("/young-people")
@Produces(MediaType.TEXT_HTML)
public class YoungPeoplePages {

    static final List<String> SCOPES = List.of("GROUP_SESSIONS", "ONE_TO_ONE_SESSIONS", "PHOTOGRAPHY_FILMING", "INFORMATION_SHARING");
    static final List<String> PLATFORMS = List.of("ZOOM", "TEAMS", "GOOGLE_MEET", "WHATSAPP", "MESSENGER", "SKYPE", "INSTAGRAM", "DISCORD");
    static final List<String> EVIDENCE = List.of("PAPER_FORM", "ONLINE_FORM", "EMAIL", "VERBAL_RECORDED");

    private static final Map<String, String> REGISTER_LABELS = Map.ofEntries(
            Map.entry("preferredName", "Preferred name"), Map.entry("dateOfBirth", "Date of birth"),
            Map.entry("localAuthorityCode", "Local authority code"), Map.entry("email", "Young person's email"),
            Map.entry("guardians", "Guardian"), Map.entry("guardians[].name", "Guardian's name"),
            Map.entry("guardians[].relationship", "Relationship to the young person"),
            Map.entry("guardians[].email", "Guardian's email"), Map.entry("guardians[].phone", "Guardian's phone"),
            Map.entry("guardians[].preferredChannel", "How to contact the guardian"),
            Map.entry("guardians[].reachableByPreferredChannel", "How to contact the guardian:"));

    private static final Map<String, String> CONSENT_LABELS = Map.of(
            "scope", "What the consent is for", "platforms", "Platforms", "givenBy", "Who gave consent",
            "guardianId", "Guardian", "evidenceReference", "Evidence reference", "evidenceMethod", "How consent was given",
            "givenAt", "Date consent was given", "expiresAt", "Expiry date");

    private static final Map<String, String> CONSENT_RULE_FIELDS = Map.of(
            "consent-given-by-a-registered-guardian", "givenBy",
            "self-consent-allowed-by-organisation", "givenBy", "self-consent-needs-13-or-over", "givenBy",
            "consent-given-in-the-past", "givenAt-day", "consent-given-after-birth", "givenAt-day",
            "consent-expires-after-it-is-given", "expiresAt-day", "consent-lasts-at-most-5-years", "expiresAt-day");

    @Inject
    Backend backend;

    @Inject
    Caller caller;

    @Inject
    @Location("young-people/list.html")
    Template list;

    @Inject
    @Location("young-people/register.html")
    Template register;

    @Inject
    @Location("young-people/young-person.html")
    Template youngPerson;

    @Inject
    @Location("young-people/record-consent.html")
    Template recordConsent;

    @Inject
    @Location("young-people/withdraw-consent.html")
    Template withdrawConsent;

    @GET
    public TemplateInstance list(@RestQuery String name, @RestQuery Integer page) {
        int current = page == null || page < 0 ? 0 : page;
        JsonNode found = backend.read(Service.CONSENT, "/young-people", query("name", name, "page", current, "size", 20));
        return list.data("section", "young-people").data("found", found).data("name", name == null ? "" : name)
                .data("page", current).data("previousPage", current - 1).data("nextPage", current + 1)
                .data("hasNextPage", (current + 1) * 20L < found.path("total").asLong());
    }

    // ---- register

    @GET
    @Path("new")
    @RolesAllowed({Caller.COORDINATOR, Caller.SAFEGUARDING_LEAD, Caller.MANAGER})
    public TemplateInstance registerForm() {
        return registerPage(Map.of(), FormErrors.none());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Caller.COORDINATOR, Caller.SAFEGUARDING_LEAD, Caller.MANAGER})
    public Object register(@RestForm String preferredName, @RestForm("dateOfBirth-day") String dobDay,
                           @RestForm("dateOfBirth-month") String dobMonth, @RestForm("dateOfBirth-year") String dobYear,
                           @RestForm String localAuthorityCode, @RestForm String email,
                           @RestForm("guardians[0].name") String g0Name, @RestForm("guardians[0].relationship") String g0Relationship,
                           @RestForm("guardians[0].email") String g0Email, @RestForm("guardians[0].phone") String g0Phone,
                           @RestForm("guardians[0].preferredChannel") String g0Channel,
                           @RestForm("guardians[1].name") String g1Name, @RestForm("guardians[1].relationship") String g1Relationship,
                           @RestForm("guardians[1].email") String g1Email, @RestForm("guardians[1].phone") String g1Phone,
                           @RestForm("guardians[1].preferredChannel") String g1Channel) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("preferredName", preferredName);
        typed.put("dateOfBirth-day", dobDay);
        typed.put("dateOfBirth-month", dobMonth);
        typed.put("dateOfBirth-year", dobYear);
        typed.put("localAuthorityCode", localAuthorityCode);
        typed.put("email", email);
        typed.put("guardians-0-name", g0Name);
        typed.put("guardians-0-relationship", g0Relationship);
        typed.put("guardians-0-email", g0Email);
        typed.put("guardians-0-phone", g0Phone);
        typed.put("guardians-0-preferredChannel", g0Channel);
        typed.put("guardians-1-name", g1Name);
        typed.put("guardians-1-relationship", g1Relationship);
        typed.put("guardians-1-email", g1Email);
        typed.put("guardians-1-phone", g1Phone);
        typed.put("guardians-1-preferredChannel", g1Channel);

        FormErrors errors = FormErrors.none();
        Optional<LocalDate> dateOfBirth = FormInput.date(nz(dobDay), nz(dobMonth), nz(dobYear));
        if (dateOfBirth.isEmpty()) {
            errors.add("dateOfBirth-day", "Date of birth must be a real date, for example 27 3 2012");
        }
        if (errors.any()) {
            return registerPage(typed, errors);
        }
        List<Map<String, Object>> guardians = new ArrayList<>();
        guardians.add(guardian(g0Name, g0Relationship, g0Email, g0Phone, g0Channel));
        if (blankToNull(g1Name) != null || blankToNull(g1Email) != null || blankToNull(g1Phone) != null) {
            guardians.add(guardian(g1Name, g1Relationship, g1Email, g1Phone, g1Channel));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("preferredName", blankToNull(preferredName));
        body.put("dateOfBirth", dateOfBirth.get().toString());
        body.put("localAuthorityCode", blankToNull(localAuthorityCode) == null ? null : localAuthorityCode.trim().toUpperCase());
        body.put("guardians", guardians);
        body.put("email", blankToNull(email));
        Answer answer = backend.post(Service.CONSENT, "/young-people", body);
        if (answer.ok()) {
            return Pages.seeOther("/young-people/" + answer.body().path("id").asText() + "?done=registered");
        }
        if (answer.refused()) {
            FormErrors refused = FormErrors.from(answer, REGISTER_LABELS, Map.of(), "preferredName");
            refused.items().replaceAll(i -> i.field().equals("dateOfBirth") ? new FormErrors.Item("dateOfBirth-day", i.text())
                    : i.field().equals("guardians") ? new FormErrors.Item("guardians-0-name", i.text())
                    : i.field().endsWith("reachableByPreferredChannel")
                    ? new FormErrors.Item(i.field().replace("reachableByPreferredChannel", "preferredChannel"), i.text()) : i);
            return registerPage(typed, refused);
        }
        return refusedPage(answer);
    }

    private static Map<String, Object> guardian(String name, String relationship, String email, String phone, String channel) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("name", blankToNull(name));
        g.put("relationship", blankToNull(relationship));
        g.put("email", blankToNull(email));
        g.put("phone", blankToNull(phone));
        g.put("preferredChannel", blankToNull(channel) == null ? "EMAIL" : channel);
        return g;
    }

    private TemplateInstance registerPage(Map<String, String> typed, FormErrors errors) {
        return register.data("section", "young-people").data("typed", typed).data("channels", List.of("EMAIL", "SMS")).data("errors", errors);
    }

    // ---- one young person

    @GET
    @Path("{id}")
    public TemplateInstance youngPerson(@PathParam("id") UUID id, @RestQuery String done) {
        JsonNode person = backend.read(Service.CONSENT, "/young-people/" + id);
        JsonNode consents = backend.read(Service.CONSENT, "/young-people/" + id + "/consents");
        JsonNode history = backend.read(Service.CONSENT, "/young-people/" + id + "/consent-history");
        JsonNode agreements = backend.read(Service.CONSENT, "/young-people/" + id + "/agreements");
        JsonNode check = backend.read(Service.CONSENT, "/consent-checks",
                query("youngPersonId", id, "scope", "GROUP_SESSIONS", "platform", "ZOOM"));
        JsonNode code = HomePage.panel(() -> backend.get(Service.CONSENT, "/code-of-conduct"));
        return youngPerson.data("section", "young-people").data("person", person).data("consents", items(consents))
                .data("history", items(history)).data("agreements", items(agreements)).data("check", check)
                .data("codeOfConduct", code).data("done", doneMessage(done)).data("errors", FormErrors.none());
    }

    /** A list answer may be a page ({items}) or a bare array. */
    static JsonNode items(JsonNode answer) {
        return answer.has("items") ? answer.get("items") : answer;
    }

    private static String doneMessage(String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "registered" -> "Young person registered";
            case "consent" -> "Consent recorded";
            case "withdrawn" -> "Consent withdrawn";
            case "agreement" -> "Online safety agreement recorded";
            default -> null;
        };
    }

    @POST
    @Path("{id}/agreements")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object recordAgreement(@PathParam("id") UUID id, @RestForm String agreementVersion) {
        Answer answer = backend.post(Service.CONSENT, "/young-people/" + id + "/agreements",
                Map.of("agreementVersion", nz(agreementVersion)));
        if (answer.ok()) {
            return Pages.seeOther("/young-people/" + id + "?done=agreement");
        }
        if (answer.refused()) {
            TemplateInstance page = youngPerson(id, null);
            return page.data("errors", FormErrors.from(answer, Map.of("agreementVersion", "Code of conduct version"),
                    Map.of(), "agreementVersion"));
        }
        return refusedPage(answer);
    }

    // ---- record a consent

    @GET
    @Path("{id}/consents/new")
    @RolesAllowed({Caller.COORDINATOR, Caller.SAFEGUARDING_LEAD, Caller.MANAGER})
    public TemplateInstance recordConsentForm(@PathParam("id") UUID id) {
        LocalDate today = LocalDate.now(UK);
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("givenAt-day", String.valueOf(today.getDayOfMonth()));
        typed.put("givenAt-month", String.valueOf(today.getMonthValue()));
        typed.put("givenAt-year", String.valueOf(today.getYear()));
        typed.put("scope", "GROUP_SESSIONS");
        typed.put("platforms", List.of("ZOOM"));
        return consentPage(id, typed, FormErrors.none());
    }

    @POST
    @Path("{id}/consents/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Caller.COORDINATOR, Caller.SAFEGUARDING_LEAD, Caller.MANAGER})
    public Object recordConsent(@PathParam("id") UUID id, @RestForm String scope, @RestForm List<String> platforms,
                                @RestForm String guardianId,
                                @RestForm String evidenceReference, @RestForm String evidenceMethod,
                                @RestForm("givenAt-day") String givenDay, @RestForm("givenAt-month") String givenMonth,
                                @RestForm("givenAt-year") String givenYear,
                                @RestForm("expiresAt-day") String expiresDay, @RestForm("expiresAt-month") String expiresMonth,
                                @RestForm("expiresAt-year") String expiresYear) {
        // One set of radios: a guardian's id, or the young person themselves
        String givenBy = "YOUNG_PERSON".equals(guardianId) ? "YOUNG_PERSON" : "GUARDIAN";
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("scope", scope);
        typed.put("platforms", platforms == null ? List.of() : platforms);
        typed.put("guardianId", guardianId);
        typed.put("evidenceReference", evidenceReference);
        typed.put("evidenceMethod", evidenceMethod);
        typed.put("givenAt-day", givenDay);
        typed.put("givenAt-month", givenMonth);
        typed.put("givenAt-year", givenYear);
        typed.put("expiresAt-day", expiresDay);
        typed.put("expiresAt-month", expiresMonth);
        typed.put("expiresAt-year", expiresYear);

        FormErrors errors = FormErrors.none();
        Optional<LocalDate> given = FormInput.date(nz(givenDay), nz(givenMonth), nz(givenYear));
        if (given.isEmpty()) {
            errors.add("givenAt-day", "Date consent was given must be a real date");
        }
        Optional<LocalDate> expires = Optional.empty();
        boolean expiryTyped = blankToNull(expiresDay) != null || blankToNull(expiresMonth) != null || blankToNull(expiresYear) != null;
        if (expiryTyped) {
            expires = FormInput.date(nz(expiresDay), nz(expiresMonth), nz(expiresYear));
            if (expires.isEmpty()) {
                errors.add("expiresAt-day", "Expiry date must be a real date");
            }
        }
        if (errors.any()) {
            return consentPage(id, typed, errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", blankToNull(scope));
        body.put("platforms", platforms == null ? List.of() : platforms);
        body.put("givenBy", blankToNull(givenBy));
        body.put("guardianId", "GUARDIAN".equals(givenBy) ? blankToNull(guardianId) : null);
        body.put("evidenceReference", blankToNull(evidenceReference));
        body.put("evidenceMethod", blankToNull(evidenceMethod));
        // A consent given today is given now; an earlier date at noon UK time, so it is never "in the future".
        LocalDate givenOn = given.get();
        body.put("givenAt", givenOn.equals(LocalDate.now(UK)) ? java.time.OffsetDateTime.now().minusMinutes(1).toString()
                : givenOn.atTime(LocalTime.NOON).atZone(UK).toOffsetDateTime().toString());
        expires.ifPresent(e -> body.put("expiresAt", e.atTime(LocalTime.NOON).atZone(UK).toOffsetDateTime().toString()));
        Answer answer = backend.post(Service.CONSENT, "/young-people/" + id + "/consents", body);
        if (answer.ok()) {
            return Pages.seeOther("/young-people/" + id + "?done=consent");
        }
        if (answer.refused()) {
            FormErrors refused = FormErrors.from(answer, CONSENT_LABELS, CONSENT_RULE_FIELDS, "scope");
            refused.items().replaceAll(i -> switch (i.field()) {
                case "givenAt" -> new FormErrors.Item("givenAt-day", i.text());
                case "expiresAt" -> new FormErrors.Item("expiresAt-day", i.text());
                case "guardianId" -> new FormErrors.Item("givenBy", i.text());
                default -> i;
            });
            return consentPage(id, typed, refused);
        }
        return refusedPage(answer);
    }

    private TemplateInstance consentPage(UUID id, Map<String, Object> typed, FormErrors errors) {
        JsonNode person = backend.read(Service.CONSENT, "/young-people/" + id);
        return recordConsent.data("section", "young-people").data("person", person).data("typed", typed)
                .data("errors", errors).data("scopes", SCOPES).data("platforms", PLATFORMS).data("evidence", EVIDENCE);
    }

    // ---- withdraw a consent

    @GET
    @Path("{id}/consents/{consentId}/withdrawal")
    @RolesAllowed({Caller.COORDINATOR, Caller.SAFEGUARDING_LEAD, Caller.MANAGER})
    public TemplateInstance withdrawForm(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId) {
        return withdrawPage(id, consentId, "", FormErrors.none());
    }

    @POST
    @Path("{id}/consents/{consentId}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Caller.COORDINATOR, Caller.SAFEGUARDING_LEAD, Caller.MANAGER})
    public Object withdraw(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId, @RestForm String reason) {
        Answer answer = backend.post(Service.CONSENT, "/consents/" + consentId + "/withdrawal",
                Map.of("reason", nz(reason).trim()));
        if (answer.ok()) {
            return Pages.seeOther("/young-people/" + id + "?done=withdrawn");
        }
        if (answer.refused()) {
            return withdrawPage(id, consentId, reason, FormErrors.from(answer, Map.of("reason", "Reason"), Map.of(), "reason"));
        }
        return refusedPage(answer);
    }

    private TemplateInstance withdrawPage(UUID id, UUID consentId, String reason, FormErrors errors) {
        JsonNode person = backend.read(Service.CONSENT, "/young-people/" + id);
        JsonNode consent = backend.read(Service.CONSENT, "/consents/" + consentId);
        return withdrawConsent.data("section", "young-people").data("person", person).data("consent", consent)
                .data("reason", reason == null ? "" : reason).data("errors", errors);
    }

    static Response refusedPage(Answer answer) {
        throw new org.safesessions.portal.client.ServiceRefusal(null, answer.status());
    }

    static String nz(String value) {
        return value == null ? "" : value;
    }
}
