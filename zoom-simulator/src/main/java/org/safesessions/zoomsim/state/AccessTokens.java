package org.safesessions.zoomsim.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Bearer tokens issued by /oauth/token; a token is good until it expires or is revoked. */
@ApplicationScoped
public class AccessTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Instant> expiryByToken = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public String issue(Duration lifetime) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiryByToken.put(token, clock.instant().plus(lifetime));
        return token;
    }

    public boolean isValid(String token) {
        Instant expiry = expiryByToken.get(token);
        if (expiry == null) {
            return false;
        }
        if (!clock.instant().isBefore(expiry)) {
            expiryByToken.remove(token);
            return false;
        }
        return true;
    }

    /** Lets a test check that its client fetches a new token after a 401. */
    public void revokeAll() {
        expiryByToken.clear();
    }
}
