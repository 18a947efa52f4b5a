package org.safesessions.session.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.safesessions.kit.time.Time;
import org.safesessions.session.client.ZoomMessages.AccessToken;
import org.safesessions.session.client.ZoomMessages.HostSettings;
import org.safesessions.session.client.ZoomMessages.ListedMeeting;
import org.safesessions.session.client.ZoomMessages.ListedRegistrant;
import org.safesessions.session.client.ZoomMessages.Meeting;
import org.safesessions.session.client.ZoomMessages.MeetingCreated;
import org.safesessions.session.client.ZoomMessages.MeetingPage;
import org.safesessions.session.client.ZoomMessages.Registrant;
import org.safesessions.session.client.ZoomMessages.RegistrantCreated;
import org.safesessions.session.client.ZoomMessages.RegistrantPage;
import org.safesessions.session.client.ZoomMessages.RegistrantRef;
import org.safesessions.session.client.ZoomMessages.RegistrantStatus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Zoom calls with the Server-to-Server OAuth token cached until shortly before it expires (and dropped on a 401).
 * Every failure becomes a {@link ZoomFailure}; retrying is the provisioner's business, so one call is one attempt.
 */
@ApplicationScoped
public class ZoomClient {

    private static final Logger LOG = Logger.getLogger(ZoomClient.class);

    @Inject
    @RestClient
    ZoomApi api;

    @Inject
    @RestClient
    ZoomOAuth oauth;

    @Inject
    ZoomConfig config;

    @Inject
    Time time;

    private String token;
    private Instant tokenExpires = Instant.MIN;

    public MeetingCreated createMeeting(Meeting meeting) {
        return call(bearer -> api.createMeeting(bearer, config.hostUser(), meeting));
    }

    /**
     * The host's scheduled meeting whose agenda carries {@code marker}, read in full (with its passcode): a create
     * whose answer was lost (a timeout after Zoom made the meeting) is found, not made twice.
     */
    public Optional<MeetingCreated> findMeeting(String marker) {
        String next = null;
        do {
            String pageToken = next;
            MeetingPage page = call(bearer -> api.meetings(bearer, config.hostUser(), "scheduled", 300, pageToken));
            Optional<ListedMeeting> found = page.meetings() == null ? Optional.empty() : page.meetings().stream()
                    .filter(m -> m.agenda() != null && m.agenda().contains(marker)).findFirst();
            if (found.isPresent()) {
                long id = found.get().id();
                return Optional.of(call(bearer -> api.meeting(bearer, id)));
            }
            next = page.nextPageToken() == null || page.nextPageToken().isBlank() ? null : page.nextPageToken();
        } while (next != null);
        return Optional.empty();
    }

    public void updateMeeting(long meetingId, Meeting meeting) {
        call(bearer -> {
            api.updateMeeting(bearer, meetingId, meeting);
            return null;
        });
    }

    /** Deletes the meeting; one Zoom no longer has counts as deleted. */
    public void deleteMeeting(long meetingId) {
        try {
            call(bearer -> {
                api.deleteMeeting(bearer, meetingId);
                return null;
            });
        } catch (ZoomFailure f) {
            if (!f.code().equals("HTTP_404")) {
                throw f;
            }
        }
    }

    /**
     * The registrant for {@code email}: an existing one is found first, so a retry after a lost answer never
     * registers the young person twice.
     */
    public RegistrantCreated registrant(long meetingId, Registrant registrant) {
        Optional<ListedRegistrant> existing = findRegistrant(meetingId, registrant.email());
        if (existing.isPresent()) {
            return new RegistrantCreated(existing.get().id(), existing.get().joinUrl());
        }
        return call(bearer -> api.addRegistrant(bearer, meetingId, registrant));
    }

    private Optional<ListedRegistrant> findRegistrant(long meetingId, String email) {
        String next = null;
        do {
            String pageToken = next;
            RegistrantPage page = call(bearer -> api.registrants(bearer, meetingId, "approved", 300, pageToken));
            if (page.registrants() != null) {
                Optional<ListedRegistrant> found = page.registrants().stream()
                        .filter(r -> email.equalsIgnoreCase(r.email())).findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
            next = page.nextPageToken() == null || page.nextPageToken().isBlank() ? null : page.nextPageToken();
        } while (next != null);
        return Optional.empty();
    }

    /** Cancels a registrant so their personal link no longer admits them; one Zoom does not know is gone already. */
    public void cancelRegistrant(long meetingId, String registrantId) {
        try {
            call(bearer -> {
                api.registrantStatus(bearer, meetingId, new RegistrantStatus("cancel", List.of(new RegistrantRef(registrantId))));
                return null;
            });
        } catch (ZoomFailure f) {
            if (!f.code().equals("HTTP_404")) {
                throw f;
            }
        }
    }

    /** Applies the host's safe settings, then reads them back: Zoom must hold every one. */
    public void enforceHostSettings() {
        HostSettings wanted = HostSettings.safe();
        HostSettings held = call(bearer -> {
            api.updateUserSettings(bearer, config.hostUser(), wanted);
            return api.userSettings(bearer, config.hostUser());
        });
        if (!held.satisfies(wanted)) {
            throw new ZoomFailure("SETTINGS_NOT_APPLIED", false, null);
        }
    }

    private <T> T call(Function<String, T> request) {
        try {
            return request.apply("Bearer " + token());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 401) {
                invalidateToken();
            }
            LOG.debugf("Zoom answered %d", status);
            throw ZoomFailure.ofStatus(status, e.getResponse().getHeaderString("Retry-After"));
        } catch (ProcessingException e) {
            LOG.debugf("Zoom unreachable or slow: %s", e.getClass().getSimpleName());
            throw new ZoomFailure(ZoomFailure.TIMEOUT, true, null);
        }
    }

    private synchronized String token() {
        Instant now = time.instant();
        if (token == null || !now.isBefore(tokenExpires)) {
            String basic = Base64.getEncoder().encodeToString(
                    (config.clientId() + ":" + config.clientSecret()).getBytes(StandardCharsets.UTF_8));
            AccessToken issued = oauth.token("Basic " + basic, "account_credentials", config.accountId());
            token = issued.accessToken();
            // a minute's margin, so a token never expires between being read and being used
            tokenExpires = now.plusSeconds(Math.max(0, issued.expiresIn() - 60));
        }
        return token;
    }

    synchronized void invalidateToken() {
        token = null;
    }
}
