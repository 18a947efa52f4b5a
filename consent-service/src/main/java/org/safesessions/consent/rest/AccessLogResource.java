package org.safesessions.consent.rest;

import jakarta.ws.rs.Path;
import org.safesessions.kit.audit.AccessLogEndpoint;

/**
 * The access log of young people's data (SPEC §3): who read, listed, exported or changed a young person, a guardian,
 * a contact, a consent, an agreement or a subject access request; the query is the kit's, for safeguarding leads and
 * managers.
 */
@Path("/access-log")
public class AccessLogResource extends AccessLogEndpoint {
}
