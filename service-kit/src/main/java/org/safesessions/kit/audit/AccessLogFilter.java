package org.safesessions.kit.audit;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code ?recordId&user&from&to} as a {@code @BeanParam}: which entries of the access log to read. Every part is
 * optional; {@code from} is inclusive, {@code to} exclusive (ISO-8601 with offset; URL-encode a {@code +}), and
 * {@code user} is a user name in any case.
 */
public class AccessLogFilter {

    /** The record, or the person whose records (e.g. a young person's id). */
    @QueryParam("recordId")
    public UUID recordId;

    @QueryParam("user")
    @Size(min = 1, max = 128, message = "must be 1 to 128 characters")
    public String user;

    @QueryParam("from")
    public OffsetDateTime from;

    @QueryParam("to")
    public OffsetDateTime to;

    public AccessLogFilter() {
    }

    public AccessLogFilter(UUID recordId, String user, OffsetDateTime from, OffsetDateTime to) {
        this.recordId = recordId;
        this.user = user;
        this.from = from;
        this.to = to;
    }

    /** Named {@code to} in a 400: the period must not end before it starts. */
    @AssertTrue(message = "must not be before from")
    public boolean isTo() {
        return from == null || to == null || !to.isBefore(from);
    }
}
