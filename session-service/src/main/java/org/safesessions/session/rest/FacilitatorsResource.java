package org.safesessions.session.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.safesessions.kit.staff.StaffMember;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.tenancy.Roles;
import org.safesessions.session.application.FacilitatorChoices;

import java.util.List;

/**
 * The caller's organisation's staff who may facilitate a session, for the booking form's picker: the same people
 * booking accepts, by Keycloak id with the names people read, and no contact details (data minimisation). Every staff
 * role of the organisation may read it, so a session's page names its facilitators by display name for whoever may
 * see the session (a youth worker included); booking still decides who may facilitate.
 */
@Path("/facilitators")
public class FacilitatorsResource {

    @Inject
    Caller caller;

    @Inject
    FacilitatorChoices choices;

    /** A member of staff who may facilitate: Keycloak user id, canonical user name (what booking takes), display name. */
    @Schema(name = "FacilitatorChoice", requiredProperties = {"id", "userName", "displayName"})
    public record FacilitatorView(String id, String userName, String displayName) {

        static FacilitatorView of(StaffMember member) {
            return new FacilitatorView(member.id(), member.userName(), member.displayName());
        }
    }

    @GET
    @RolesAllowed({Roles.YOUTH_WORKER, Roles.COORDINATOR, Roles.SAFEGUARDING_LEAD, Roles.MANAGER})
    @Operation(operationId = "listFacilitators",
            summary = "List the organisation's staff who may facilitate a session, by display name")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "The enabled staff of the caller's organisation whose "
                    + "role may lead sessions (youth-worker, coordinator, manager), sorted by display name then user "
                    + "name; each is accepted as a facilitator by booking (by `userName`)",
                    content = @Content(mediaType = ApiDocs.JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = FacilitatorView.class)))
    })
    public List<FacilitatorView> list() {
        return choices.of(caller.organisation()).stream().map(FacilitatorView::of).toList();
    }
}
