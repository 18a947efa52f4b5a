package org.safesessions.portal.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Pages may show personal data: no browser or proxy keeps a copy. */
public class NoStore {

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("Pragma", "no-cache");
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE) && type.getParameters().get("charset") == null) {
            response.getHeaders().putSingle("Content-Type", type.withCharset("UTF-8"));
        }
    }
}
