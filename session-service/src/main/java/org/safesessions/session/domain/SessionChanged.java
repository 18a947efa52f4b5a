package org.safesessions.session.domain;

import java.util.UUID;

/**
 * Fired inside a writing transaction when a session has work for Zoom; the provisioner acts once the transaction
 * has committed, so it never provisions a change that was rolled back.
 */
public record SessionChanged(UUID sessionId) {
}
