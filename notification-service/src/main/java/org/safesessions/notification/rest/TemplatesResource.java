package org.safesessions.notification.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.safesessions.kit.rest.Problem;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.notification.application.TemplateManagement.TemplateState;
import org.safesessions.notification.application.TemplateManagement;
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

    /** A template in force for the organisation: its Qute sources, who edited them, the placeholders available. */
    @Schema(name = "TemplateView", requiredProperties = {"key", "audience", "subject", "text", "html", "edited",
            "placeholders"})
    public record TemplateView(String key, MessageTemplate.Audience audience, String subject, String text, String html,
                               @Schema(description = "the organisation edited it (false: the built-in template)")
                               boolean edited,
                               @Schema(description = "who saved the edit: their canonical (lower-case) user name")
                               String updatedBy,
                               @Schema(description = "who saved the edit: their Keycloak user id (absent for edits "
                                       + "saved before ids were kept)")
                               String updatedById,
                               @Schema(description = "when the edit was saved")
                               OffsetDateTime updatedAt, List<String> placeholders) {
        static TemplateView of(TemplateState s) {
            return new TemplateView(s.template().key(), s.template().audience(), s.source().subject(),
                    s.source().text(), s.source().html(), s.edited(), s.updatedBy(), s.updatedById(), s.updatedAt(),
                    s.placeholders());
        }
    }

    @Schema(name = "TemplateEdit", requiredProperties = {"subject", "text", "html"})
    public record TemplateEdit(@NotBlank @Size(max = 300) String subject,
                               @NotBlank @Size(max = 20_000) String text,
                               @NotBlank @Size(max = 50_000) String html) {
    }

    /** A template rendered with sample data in one language: subject, plain text, HTML and the short SMS form. */
    @Schema(name = "RenderedMessage", requiredProperties = {"subject", "text", "html", "sms"})
    public record RenderedView(String subject, String text, String html, String sms) {
        static RenderedView of(RenderedMessage m) {
            return m == null ? null : new RenderedView(m.subject(), m.text(), m.html(), m.sms());
        }
    }

    /**
     * A template rendered with sample data: in English (these fields), and for a family message in Welsh too
     * ({@code welsh}, absent for staff messages, which are English only).
     */
    @Schema(name = "TemplatePreview", requiredProperties = {"subject", "text", "html", "sms"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PreviewView(String subject, String text, String html, String sms,
                              @Schema(description = "the same message as a family that chose Welsh (cy) gets it")
                              RenderedView welsh) {
        static PreviewView of(TemplateManagement.Preview p) {
            return new PreviewView(p.english().subject(), p.english().text(), p.english().html(), p.english().sms(),
                    RenderedView.of(p.welsh()));
        }
    }

    /** Optional sources to try out; any left out are the template's current ones. */
    @Schema(name = "PreviewRequest")
    public record PreviewRequest(@Size(max = 300) String subject, @Size(max = 20_000) String text,
                                 @Size(max = 50_000) String html) {
    }

    @GET
    @Operation(operationId = "listTemplates", summary = "List the message templates in force for the organisation")
    @APIResponse(responseCode = "200", description = "Every template, edited or built in")
    public List<TemplateView> list() {
        return templates.list().stream().map(TemplateView::of).toList();
    }

    @GET
    @Path("{key}")
    @Operation(operationId = "getTemplate", summary = "Read one message template in force for the organisation")
    @APIResponse(responseCode = "200", description = "The template")
    @APIResponse(responseCode = "404", description = "No template with this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TemplateView get(@PathParam("key") String key) {
        return TemplateView.of(templates.get(key));
    }

    @PUT
    @Path("{key}")
    @Operation(operationId = "editTemplate", summary = "Save the organisation's version of a message template")
    @APIResponse(responseCode = "200", description = "The template, as saved")
    @APIResponse(responseCode = "400", description = "A field is missing, blank or too long, or no body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No template with this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rule `template-must-render`: it does not render with sample data "
            + "(Qute's error in `detail`); nothing was saved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TemplateView edit(@PathParam("key") String key, @Valid @NotNull TemplateEdit edit) {
        return TemplateView.of(templates.edit(key, new TemplateSource(edit.subject(), edit.text(), edit.html())));
    }

    @POST
    @Path("{key}/reset")
    @Operation(operationId = "resetTemplate",
            summary = "Put a message template back to its built-in text for the organisation, dropping its edit")
    @APIResponse(responseCode = "200", description = "The template now in force: the built-in one (`edited` false); "
            + "a template that was not edited is answered as it is")
    @APIResponse(responseCode = "404", description = "No template with this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TemplateView reset(@PathParam("key") String key) {
        return TemplateView.of(templates.reset(key));
    }

    @POST
    @Path("{key}/preview")
    @Operation(operationId = "previewTemplate",
            summary = "Render a message template with sample data, as it is or with sources to try out")
    @APIResponse(responseCode = "200", description = "The rendered message, in English and (family messages) in Welsh")
    @APIResponse(responseCode = "400", description = "A field is too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No template with this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rule `template-must-render`: it does not render with sample data "
            + "(Qute's error in `detail`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PreviewView preview(@PathParam("key") String key, @Valid PreviewRequest request) {
        return PreviewView.of(templates.preview(key, request == null ? null
                : new TemplateManagement.TryOut(request.subject(), request.text(), request.html())));
    }
}
