package org.safesessions.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.safesessions.portal.security.Caller;

/** The manager's pages in one list: policy and platforms, templates, staff contacts, delivery records, reports. */
@Path("/manage")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Caller.MANAGER)
public class ManagePage {

    @Inject
    @Location("manage/manage.html")
    Template manage;

    @GET
    public TemplateInstance manage() {
        return manage.data("section", "manage");
    }
}
