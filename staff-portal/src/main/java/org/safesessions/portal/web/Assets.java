package org.safesessions.portal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * GOV.UK Frontend's stylesheet from its webjar, without the GDS Transport font (this is not a GOV.UK service): the
 * font faces are dropped and every font stack falls back to Arial, so no font file is ever asked for.
 */
@Path("/assets")
public class Assets {

    private static final String WEBJAR_CSS = "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css";

    private static volatile String stylesheet;

    @GET
    @Path("/govuk-frontend.css")
    @Produces("text/css")
    public Response stylesheet() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(govukWithoutTransport()).cacheControl(cache).build();
    }

    static String govukWithoutTransport() {
        if (stylesheet == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(WEBJAR_CSS)) {
                if (in == null) {
                    throw new IllegalStateException("GOV.UK Frontend webjar missing: " + WEBJAR_CSS);
                }
                String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                stylesheet = css.replaceAll("@font-face\\{[^}]*}", "")
                        .replace("GDS Transport,", "")
                        .replace("font-family:GDS Transport", "font-family:arial,sans-serif");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stylesheet;
    }
}
