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
import org.safesessions.session.client.ZoomMessages.Meeting;
import org.safesessions.session.client.ZoomMessages.MeetingCreated;
import org.safesessions.session.client.ZoomMessages.MeetingPage;
import org.safesessions.session.client.ZoomMessages.Registrant;
import org.safesessions.session.client.ZoomMessages.RegistrantCreated;
import org.safesessions.session.client.ZoomMessages.RegistrantRef;
import org.safesessions.session.client.ZoomMessages.RegistrantStatus;
import org.safesessions.session.client.ZoomMessages.SecuritySettings;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Zoom calls with the Server-to-Server OAuth token cached until shortly before it expires (and dropped on a 401).
 * Each call takes a place in its rate-limit category's window first ({@link ZoomRateLimits}); a per-second 429 slows the
 * category down for its Retry-After and the call is made again, so a rate limit is never a failure. Every other
 * failure becomes a {@link ZoomFailure}; retrying those is the provisioner's business.
 */
@ApplicationScoped
public class ZoomClient {

    private static final Logger LOG = Logger.getLogger(ZoomClient.class);
    private static final String MEETING_SECURITY = "meeting_security";

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

    @Inject
    ZoomRateLimits rateLimits;

    private String token;
    private Instant tokenExpires = Instant.MIN;

    /** Creates the meeting for {@code host} ({@code POST /users/{host}/meetings}). */
    public MeetingCreated createMeeting(String host, Meeting meeting) {
        return call(bearer -> api.createMeeting(bearer, host, meeting), ZoomRateCategory.MEDIUM);
    }

    /**
     * The host's scheduled meeting whose agenda carries {@code marker}, read in full (with its passcode): a create
     * whose answer was lost (a timeout after Zoom made the meeting) is found, not made twice.
     */
    public Optional<MeetingCreated> findMeeting(String host, String marker) {
        String next = null;
        do {
            String pageToken = next;
            MeetingPage page = call(bearer -> api.meetings(bearer, host, "scheduled", 300, pageToken),
                    ZoomRateCategory.MEDIUM);
            Optional<ListedMeeting> found = page.meetings() == null ? Optional.empty() : page.meetings().stream()
                    .filter(m -> m.agenda() != null && m.agenda().contains(marker)).findFirst();
            if (found.isPresent()) {
                long id = found.get().id();
                return Optional.of(call(bearer -> api.meeting(bearer, id), ZoomRateCategory.LIGHT));
            }
            next = page.nextPageToken() == null || page.nextPageToken().isBlank() ? null : page.nextPageToken();
        } while (next != null);
        return Optional.empty();
    }

    public void updateMeeting(long meetingId, Meeting meeting) {
        call(bearer -> {
            api.updateMeeting(bearer, meetingId, meeting);
            return null;
        }, ZoomRateCategory.LIGHT);
    }

    /** Deletes the meeting; one Zoom no longer has counts as deleted. */
    public void deleteMeeting(long meetingId) {
        try {
            call(bearer -> {
                api.deleteMeeting(bearer, meetingId);
                return null;
            }, ZoomRateCategory.LIGHT);
        } catch (ZoomFailure f) {
            if (!f.code().equals("HTTP_404")) {
                throw f;
            }
        }
    }

    /**
     * The registrant for {@code email}. Zoom answers an add for an email it has registered already with that same
     * registrant, so a retry after a lost answer never registers the young person twice, and one Light call is
     * all a registrant costs (listing the meeting's registrants first would be a Medium call each).
     */
    public RegistrantCreated registrant(long meetingId, Registrant registrant) {
        return call(bearer -> api.addRegistrant(bearer, meetingId, registrant), ZoomRateCategory.LIGHT);
    }

    /** Cancels a registrant so their personal link no longer admits them; one Zoom does not know is gone already. */
    public void cancelRegistrant(long meetingId, String registrantId) {
        try {
            call(bearer -> {
                api.registrantStatus(bearer, meetingId, new RegistrantStatus("cancel", List.of(new RegistrantRef(registrantId))));
                return null;
            }, ZoomRateCategory.MEDIUM);
        } catch (ZoomFailure f) {
            if (!f.code().equals("HTTP_404")) {
                throw f;
            }
        }
    }

    /**
     * Applies the host's safety settings, then reads them back: Zoom must hold every one. Answers the settings the
     * host does not hold as enforced (Zoom's names), none when it holds them all: a host that drifted is not used.
     */
    public List<String> enforceHostSettings(String host) {
        HostSettings wanted = HostSettings.safe();
        SecuritySettings security = SecuritySettings.safe();
        call(bearer -> {
            api.updateUserSettings(bearer, host, wanted);
            return null;
        }, ZoomRateCategory.MEDIUM);
        call(bearer -> {
            api.updateSecuritySettings(bearer, host, MEETING_SECURITY, security);
            return null;
        }, ZoomRateCategory.MEDIUM);
        HostSettings held = call(bearer -> api.userSettings(bearer, host), ZoomRateCategory.MEDIUM);
        SecuritySettings heldSecurity = call(bearer -> api.securitySettings(bearer, host, MEETING_SECURITY),
                ZoomRateCategory.MEDIUM);
        List<String> drifted = new java.util.ArrayList<>(ZoomMessages.differences("", wanted, held));
        drifted.addAll(ZoomMessages.differences("", security, heldSecurity));
        return drifted;
    }

    /**
     * One call within its category's rate, holding its place in the window until Zoom has answered; per-second 429s
     * are waited out (up to {@code rate-limited-retries}).
     */
    private <T> T call(Function<String, T> request, ZoomRateCategory category) {
        for (int refused = 0; ; refused++) {
            try {
                String bearer = "Bearer " + token();
                try (ZoomRateLimits.Permit sent = rateLimits.acquire(category)) {
                    return request.apply(bearer);
                }
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status == 401) {
                    invalidateToken();
                }
                LOG.debugf("Zoom answered %d", status);
                ZoomFailure failure = ZoomFailure.ofStatus(status, e.getResponse().getHeaderString("Retry-After"),
                        e.getResponse().getHeaderString("X-RateLimit-Type"));
                if (!failure.perSecondRateLimit() || refused >= config.rateLimitedRetries()) {
                    throw failure;
                }
                rateLimits.slowDown(category, failure.retryAfter().orElse(Duration.ofSeconds(1)));
            } catch (ProcessingException e) {
                LOG.debugf("Zoom unreachable or slow: %s", e.getClass().getSimpleName());
                throw new ZoomFailure(ZoomFailure.TIMEOUT, true, null);
            }
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
