package org.safesessions.zoomsim.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A host named in a path as Zoom allows: a user id, an email address or {@code me}.
 * The simulator has no user directory, so every user exists; ids and emails are
 * derived so that the same name always gives the same host.
 */
public record ZoomUser(String id, String email) {

    public static ZoomUser named(String userId) {
        if (userId.contains("@")) {
            return new ZoomUser(stableId(userId.toLowerCase()), userId);
        }
        if (userId.equals("me")) {
            return new ZoomUser(stableId("me"), "me@zoom-sim.local");
        }
        return new ZoomUser(userId, userId + "@zoom-sim.local");
    }

    /** 22 characters of URL-safe base64, the shape of Zoom's user ids. */
    private static String stableId(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
