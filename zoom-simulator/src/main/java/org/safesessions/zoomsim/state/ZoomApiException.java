package org.safesessions.zoomsim.state;

/**
 * A refusal Zoom would give, with its HTTP status and Zoom's own error code;
 * the REST layer renders it as Zoom's {@code {"code":...,"message":...}}.
 */
public class ZoomApiException extends RuntimeException {

    private final int httpStatus;
    private final int code;

    public ZoomApiException(int httpStatus, int code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
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
