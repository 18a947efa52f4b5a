package org.safesessions.zoomsim.validation;

/**
 * One way a request breaks Zoom's published contract.
 *
 * @param field   the offending parameter or body field ({@code settings.auto_recording}),
 *                or null when the problem is the request as a whole
 * @param message what is wrong, in the validator's words
 */
public record ContractViolation(Kind kind, String field, String message) {

    public enum Kind {
        /** No operation in the contract has this path. */
        UNKNOWN_PATH,
        /** The path exists but not with this HTTP method. */
        METHOD_NOT_ALLOWED,
        /** A parameter, header or body does not match its schema. */
        INVALID
    }

    /** "field: message", as Zoom puts it in a validation error. */
    public String describe() {
        return field == null ? message : field + ": " + message;
    }
}
