package org.safesessions.kit.staff;

/**
 * Keycloak could not say who the staff are (unreachable, timing out, answering 5xx or refusing our service
 * account). A rule that needs staff then answers 503 with Retry-After: never a guess, never a remembered "no".
 */
public class StaffDirectoryUnavailableException extends RuntimeException {

    public StaffDirectoryUnavailableException(String message) {
        super(message);
    }

    public StaffDirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
