package org.safesessions.kit.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpEdgeTest {

    @Test
    void wellFormedAcceptHeadersPass() {
        for (String accept : new String[]{"*/*", "application/json", "application/json;charset=utf-8",
                "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8", "application/json; q=0.5",
                "text/plain; format=\"a;b\""}) {
            assertTrue(HttpEdge.ACCEPT.matcher(accept).matches(), accept);
        }
    }

    @Test
    void malformedAcceptHeadersAreRefused() {
        for (String accept : new String[]{"garbage", "text/html;;;", "application/json, ,", "/json", "text/html;q",
                "application/json\u0000"}) {
            assertFalse(HttpEdge.ACCEPT.matcher(accept).matches(), accept);
        }
    }

    @Test
    void contentTypeIsOneMediaType() {
        assertTrue(HttpEdge.MEDIA_TYPE.matcher("application/json; charset=UTF-8").matches());
        assertFalse(HttpEdge.MEDIA_TYPE.matcher("json").matches());
        assertFalse(HttpEdge.MEDIA_TYPE.matcher("application/json, text/plain").matches());
    }
}
