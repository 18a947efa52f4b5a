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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.safesessions.portal.client.Answer;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;
import org.safesessions.portal.client.ServiceRefusal;
import org.safesessions.portal.problem.FormErrors;
import org.safesessions.portal.security.Caller;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.safesessions.portal.web.FormInput.blankToNull;

/**
 * The organisation's message templates (notification-service's): the list, and a template's subject, text and HTML
 * sources with a preview of the message rendered with sample data. "Preview" works as a plain form button; with
 * JavaScript, htmx refreshes the preview as the manager types. A template that does not render is shown with Qute's
 * error as notification-service gives it, and notification-service never saves one.
 */
@Path("/templates")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Caller.MANAGER)
public class TemplatePages {

    /** Template keys as notification-service names them; anything else never reaches its path. */
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    static final Map<String, String> LABELS = Map.of("subject", "Subject", "text", "Plain text", "html", "HTML");

    @Inject
    Backend backend;

    @Inject
    @Location("manage/templates.html")
    Template list;

    @Inject
    @Location("manage/template.html")
    Template edit;

    @Inject
    @Location("manage/template-preview.html")
    Template previewFragment;

    @GET
    public TemplateInstance list(@RestQuery String done) {
        JsonNode templates = backend.read(Service.NOTIFICATION, "/templates");
        return list.data("section", "manage").data("templates", templates)
                .data("done", "saved".equals(done) ? "Template saved" : null);
    }

    @GET
    @Path("{key}")
    public TemplateInstance editForm(@PathParam("key") String key) {
        JsonNode template = backend.read(Service.NOTIFICATION, "/templates/" + known(key));
        Map<String, Object> typed = typed(template.path("subject").asText(), template.path("text").asText(),
                template.path("html").asText());
        return page(key, template, typed, FormErrors.none(), preview(key, typed));
    }

    /** "Save template", or "Preview" (the form's second button): the preview of what was typed, nothing saved. */
    @POST
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object save(@PathParam("key") String key, @RestForm String subject, @RestForm String text,
                       @RestForm String html, @RestForm String action) {
        Map<String, Object> typed = typed(subject, text, html);
        JsonNode template = backend.read(Service.NOTIFICATION, "/templates/" + known(key));
        if ("preview".equals(action)) {
            return page(key, template, typed, FormErrors.none(), preview(key, typed));
        }
        Answer answer = backend.put(Service.NOTIFICATION, "/templates/" + key, body(typed));
        if (answer.ok()) {
            return Pages.seeOther("/templates?done=saved");
        }
        if (answer.refused()) {
            Preview preview = Preview.refused(answer);
            return page(key, template, typed, FormErrors.from(answer, LABELS, Map.of(), "subject"), preview);
        }
        return YoungPeoplePages.refusedPage(answer);
    }

    /** The preview alone, for htmx as the manager types (the page's own Preview button does the same without it). */
    @POST
    @Path("{key}/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance previewOnly(@PathParam("key") String key, @RestForm String subject, @RestForm String text,
                                        @RestForm String html) {
        return previewFragment.data("preview", preview(known(key), typed(subject, text, html)));
    }

    /**
     * What notification-service renders from these sources with sample data; a template that does not render
     * (422 {@code template-must-render}) carries Qute's error as the service gives it.
     */
    @io.quarkus.qute.TemplateData
    public record Preview(JsonNode message, String problem, String detail) {

        static Preview refused(Answer answer) {
            String rule = answer.body().path("rule").asText(null);
            String detail = answer.body().path("detail").asText(null);
            if (answer.body().path("errors").isArray() && !answer.body().path("errors").isEmpty()) {
                JsonNode first = answer.body().path("errors").get(0);
                return new Preview(null, "The preview cannot be shown", LABELS.getOrDefault(first.path("field").asText(),
                        first.path("field").asText()) + " " + first.path("message").asText());
            }
            return new Preview(null, org.safesessions.portal.problem.RuleSentences.sentence(rule, detail), detail);
        }
    }

    private Preview preview(String key, Map<String, Object> typed) {
        Answer answer = backend.post(Service.NOTIFICATION, "/templates/" + key + "/preview", body(typed));
        if (answer.ok()) {
            return new Preview(answer.body(), null, null);
        }
        if (answer.refused()) {
            return Preview.refused(answer);
        }
        throw new ServiceRefusal(Service.NOTIFICATION, answer.status());
    }

    private static Map<String, Object> typed(String subject, String text, String html) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("subject", subject);
        typed.put("text", text);
        typed.put("html", html);
        return typed;
    }

    private static Map<String, Object> body(Map<String, Object> typed) {
        Map<String, Object> body = new LinkedHashMap<>();
        typed.forEach((name, value) -> body.put(name, blankToNull((String) value)));
        return body;
    }

    private static String known(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ServiceRefusal(null, 404);
        }
        return key;
    }

    private TemplateInstance page(String key, JsonNode template, Map<String, Object> typed, FormErrors errors, Preview preview) {
        return edit.data("section", "manage").data("key", key).data("template", template).data("typed", typed)
                .data("errors", errors).data("preview", preview);
    }
}
