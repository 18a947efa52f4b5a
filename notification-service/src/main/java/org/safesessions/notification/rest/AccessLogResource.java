package org.safesessions.notification.rest;

import jakarta.ws.rs.Path;
import org.safesessions.kit.audit.AccessLogEndpoint;

/**
 * The access log of delivery records (SPEC §3: who listed, read or retried which message, a family's under the young
 * person it is about); the query is the kit's, for safeguarding leads and managers. Under {@code /notifications},
 * since the public host routes {@code /access-log} to consent-service.
 */
@Path("/notifications/access-log")
public class AccessLogResource extends AccessLogEndpoint {
}
