package org.safesessions.session.rest;

import jakarta.ws.rs.Path;
import org.safesessions.kit.audit.AccessLogEndpoint;

/**
 * The access log of session data (SPEC §3: who read, listed or changed a session, an invitation, a young person's
 * join details or the attendance report; an invitation's entries under the young person it is about); the query is
 * the kit's, for safeguarding leads and managers. Under {@code /sessions}, since the public host routes
 * {@code /access-log} to consent-service.
 */
@Path("/sessions/access-log")
public class AccessLogResource extends AccessLogEndpoint {
}
