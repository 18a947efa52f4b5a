package org.safesessions.zoomsim.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.safesessions.zoomsim.config.ZoomSimConfig;
import org.safesessions.zoomsim.state.MeetingStore;
import org.safesessions.zoomsim.state.RateLimitCategory;
import org.safesessions.zoomsim.state.RateLimiter;
import org.safesessions.zoomsim.state.ZoomPlan;

/**
 * Test control: the account's rate limits and what was counted against them, so a test can show that a client's
 * calls never went over a limit in any second (and how close to it they ran).
 */
@Path("/_sim/rate-limits")
@Produces(MediaType.APPLICATION_JSON)
public class SimRateLimitResource {

    @Inject
    RateLimiter rateLimits;

    @Inject
    MeetingStore meetings;

    @Inject
    ZoomSimConfig config;

    /**
     * @param plan             the account's plan
     * @param enforced         false when requests are counted but never refused for their rate
     * @param perSecond        each category's limit per second
     * @param meetingsPerHostPerDay meetings a host may have created or updated per UTC day
     * @param seconds          per UTC second and category: requests admitted and refused (429)
     * @param hostsToday       per host id: meetings created or updated today (UTC)
     */
    public record RateLimitView(ZoomPlan plan, boolean enforced, Map<RateLimitCategory, Integer> perSecond,
                                int meetingsPerHostPerDay, List<RateLimiter.SecondCount> seconds,
                                Map<String, Integer> hostsToday) {
    }

    @GET
    public RateLimitView rateLimits() {
        Map<RateLimitCategory, Integer> perSecond = new EnumMap<>(RateLimitCategory.class);
        for (RateLimitCategory category : RateLimitCategory.values()) {
            perSecond.put(category, rateLimits.limit(category));
        }
        return new RateLimitView(rateLimits.plan(), rateLimits.enabled(), perSecond,
                config.meetingCreationsPerHostPerDay(), rateLimits.seconds(), meetings.createdOrUpdatedToday());
    }
}
