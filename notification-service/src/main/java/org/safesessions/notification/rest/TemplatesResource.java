package org.safesessions.notification.rest;

import io.quarkus.qute.TemplateException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.kit.time.Time;
import org.safesessions.notification.application.MessageData;
import org.safesessions.notification.application.MessageTemplates;
import org.safesessions.notification.domain.MessageTemplate;
import org.safesessions.notification.domain.RenderedMessage;
import org.safesessions.notification.domain.TemplateOverride;
import org.safesessions.notification.domain.TemplateSource;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Message templates, as managers see and change them for their organisation. An edited template is rendered with
 * sample data before it is saved: one that does not render is refused with Qute's error, never saved.
 */
@Path("/templates")
@RolesAllowed(Roles.MANAGER)
public class TemplatesResource {

    @Inject
    Caller caller;

    @Inject
    MessageTemplates templates;

    @Inject
    Time time;

    @ConfigProperty(name = "notification.portal-url")
    String portalUrl;

    public record TemplateView(String key, MessageTemplate.Audience audience, String subject, String text, String html,
                               boolean edited, String updatedBy, OffsetDateTime updatedAt, List<String> placeholders) {
    }

    public record TemplateEdit(@NotBlank @Size(max = 300) String subject,
                               @NotBlank @Size(max = 20_000) String text,
                               @NotBlank @Size(max = 50_000) String html) {
    }

    /** Optional sources to try out; any left out are the template's current ones. */
    public record PreviewRequest(@Size(max = 300) String subject, @Size(max = 20_000) String text,
                                 @Size(max = 50_000) String html) {
    }

    @GET
    @Transactional
    public List<TemplateView> list() {
        return Arrays.stream(MessageTemplate.values()).map(this::view).toList();
    }

    @GET
    @Path("{key}")
    @Transactional
    public TemplateView get(@PathParam("key") String key) {
        return view(template(key));
    }

    @PUT
    @Path("{key}")
    @Transactional
    public TemplateView edit(@PathParam("key") String key, @Valid @NotNull TemplateEdit edit) {
        MessageTemplate template = template(key);
        TemplateSource source = new TemplateSource(edit.subject(), edit.text(), edit.html());
        renderSample(template, source);
        TemplateOverride saved = templates.override(caller.organisation(), template).orElseGet(() -> {
            TemplateOverride o = new TemplateOverride();
            o.key = new TemplateOverride.Key(caller.organisation(), template.key());
            return o;
        });
        saved.subject = edit.subject();
        saved.textBody = edit.text();
        saved.htmlBody = edit.html();
        saved.updatedBy = caller.userName();
        saved.updatedAt = time.now();
        saved.persist();
        return view(template);
    }

    @POST
    @Path("{key}/preview")
    @Transactional
    public RenderedMessage preview(@PathParam("key") String key, @Valid PreviewRequest request) {
        MessageTemplate template = template(key);
        TemplateSource current = templates.current(caller.organisation(), template);
        TemplateSource tried = request == null ? current : new TemplateSource(
                request.subject() != null ? request.subject() : current.subject(),
                request.text() != null ? request.text() : current.text(),
                request.html() != null ? request.html() : current.html());
        return renderSample(template, tried);
    }

    private RenderedMessage renderSample(MessageTemplate template, TemplateSource source) {
        try {
            return templates.render(template, source, MessageData.sample(portalUrl).asMap());
        } catch (TemplateException e) {
            throw new RuleViolationException("template-must-render", firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "the template does not render" : message.lines().findFirst().orElse(message);
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private TemplateView view(MessageTemplate template) {
        var override = templates.override(caller.organisation(), template);
        TemplateSource source = templates.current(caller.organisation(), template);
        return new TemplateView(template.key(), template.audience(), source.subject(), source.text(), source.html(),
                override.isPresent(), override.map(o -> o.updatedBy).orElse(null),
                override.map(o -> o.updatedAt).orElse(null), MessageData.KEYS);
    }

    private static MessageTemplate template(String key) {
        return MessageTemplate.of(key).orElseThrow(() -> new RecordNotFoundException("template"));
    }
}
