package org.safesessions.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.notification.application.TemplateManagement;
import org.safesessions.notification.application.TemplateManagement.TemplateState;
import org.safesessions.notification.domain.MessageTemplate;
import org.safesessions.notification.domain.RenderedMessage;
import org.safesessions.notification.domain.TemplateSource;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Message templates, as managers see and change them for their organisation. An edited template is rendered with
 * sample data before it is saved: one that does not render is refused with Qute's error, never saved.
 */
@Path("/templates")
@RolesAllowed(Roles.MANAGER)
public class TemplatesResource {

    @Inject
    TemplateManagement templates;

    public record TemplateView(String key, MessageTemplate.Audience audience, String subject, String text, String html,
                               boolean edited, String updatedBy, OffsetDateTime updatedAt, List<String> placeholders) {
        static TemplateView of(TemplateState s) {
            return new TemplateView(s.template().key(), s.template().audience(), s.source().subject(),
                    s.source().text(), s.source().html(), s.edited(), s.updatedBy(), s.updatedAt(), s.placeholders());
        }
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
    public List<TemplateView> list() {
        return templates.list().stream().map(TemplateView::of).toList();
    }

    @GET
    @Path("{key}")
    public TemplateView get(@PathParam("key") String key) {
        return TemplateView.of(templates.get(key));
    }

    @PUT
    @Path("{key}")
    public TemplateView edit(@PathParam("key") String key, @Valid @NotNull TemplateEdit edit) {
        return TemplateView.of(templates.edit(key, new TemplateSource(edit.subject(), edit.text(), edit.html())));
    }

    @POST
    @Path("{key}/preview")
    public RenderedMessage preview(@PathParam("key") String key, @Valid PreviewRequest request) {
        return templates.preview(key, request == null ? null
                : new TemplateManagement.TryOut(request.subject(), request.text(), request.html()));
    }
}
