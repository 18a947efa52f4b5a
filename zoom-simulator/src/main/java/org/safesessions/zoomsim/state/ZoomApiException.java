package org.safesessions.zoomsim.state;

import java.util.Map;

/**
 * A refusal Zoom would give, with its HTTP status and Zoom's own error code;
 * the REST layer renders it as Zoom's {@code {"code":...,"message":...}}.
 */
public class ZoomApiException extends RuntimeException {

    private final int httpStatus;
    private final int code;
    private final Map<String, String> headers;

    public ZoomApiException(int httpStatus, int code, String message) {
        this(httpStatus, code, message, Map.of());
    }

    public ZoomApiException(int httpStatus, int code, String message, Map<String, String> headers) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    /** Headers Zoom sends with this refusal (a rate limit's {@code Retry-After} and {@code X-RateLimit-*}). */
    public Map<String, String> headers() {
        return headers;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public static ZoomApiException meetingNotFound(long meetingId) {
        return new ZoomApiException(404, 3001, "Meeting does not exist: " + meetingId + ".");
    }

    public static ZoomApiException invalidParameter(String message) {
        return new ZoomApiException(400, 300, message);
    }
}
