package org.safesessions.zoomsim.state;

/** How a registrant-status update names a registrant: by registrant id or by email. */
public record RegistrantReference(String id, String email) {
}
