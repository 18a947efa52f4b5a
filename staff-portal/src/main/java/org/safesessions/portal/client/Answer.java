package org.safesessions.portal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** What a service answered: its status and JSON body (a problem+json body for an error). */
public record Answer(int status, JsonNode body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** 400, 409 or 422: the service refused what was sent, and says why (fields or a rule). */
    public boolean refused() {
        return status == 400 || status == 409 || status == 422;
    }

    public JsonNode body() {
        return body == null ? MissingNode.getInstance() : body;
    }
}
