package org.safesessions.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestQuery;
import org.safesessions.portal.client.Answer;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;
import org.safesessions.portal.client.ServiceUnavailable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.safesessions.portal.client.Backend.query;

/**
 * The in-app feed: the list, mark read, and a relay of notification-service's server-sent events. A browser's
 * EventSource cannot send a bearer token, so the portal opens the stream with the user's token and passes each
 * event on; the token never leaves the server.
 */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
public class NotificationPages {

    private static final Logger LOG = Logger.getLogger(NotificationPages.class);

    @Inject
    Backend backend;

    @Inject
    @Location("notifications.html")
    Template feed;

    @GET
    public TemplateInstance feed(@RestQuery Integer page) {
        JsonNode items = backend.read(Service.NOTIFICATION, "/me/notifications", query("page", page, "size", 30));
        return feed.data("section", "notifications").data("feed", items);
    }

    @POST
    @Path("{id}/read")
    public Object markRead(@PathParam("id") String id) {
        Answer answer = backend.put(Service.NOTIFICATION, "/me/notifications/" + id + "/read", null);
        if (!answer.ok()) {
            return YoungPeoplePages.refusedPage(answer);
        }
        return Pages.seeOther("/notifications");
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> stream(@Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        HttpResponse<InputStream> upstream = open(lastEventId);
        if (upstream.statusCode() == 400 && lastEventId != null && !lastEventId.isBlank()) {
            // an id the service refuses (not one it gave): start from now rather than have the browser retry it forever
            close(upstream.body());
            upstream = open(null);
        }
        if (upstream.statusCode() != 200) {
            close(upstream.body());
            return Multi.createFrom().empty();
        }
        InputStream body = upstream.body();
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                StringBuilder data = new StringBuilder();
                String id = null;
                String name = null;
                String line;
                while (!emitter.isCancelled() && (line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            OutboundSseEvent.Builder event = sse.newEventBuilder().data(data.toString())
                                    .mediaType(MediaType.APPLICATION_JSON_TYPE);
                            if (id != null) {
                                event.id(id);
                            }
                            if (name != null) {
                                event.name(name);
                            }
                            emitter.emit(event.build());
                        }
                        data.setLength(0);
                        id = null;
                        name = null;
                    } else if (line.startsWith(":")) {
                        // the service's keep-alive: passed on, so the browser's connection (and any proxy) stays open
                        emitter.emit(sse.newEventBuilder().comment(line.substring(1).strip()).build());
                    } else if (line.startsWith("data:")) {
                        if (!data.isEmpty()) {
                            data.append('\n');
                        }
                        data.append(line.substring(5).stripLeading());
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    }
                }
                emitter.complete();
            } catch (IOException e) {
                LOG.debugf("notification stream closed: %s", e.toString());
                emitter.complete();
            }
        }).onCancellation().invoke(() -> close(body)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private HttpResponse<InputStream> open(String lastEventId) {
        try {
            return backend.stream(Service.NOTIFICATION, "/me/notifications/stream", lastEventId);
        } catch (IOException e) {
            throw new ServiceUnavailable(Service.NOTIFICATION, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(Service.NOTIFICATION, "interrupted");
        }
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
