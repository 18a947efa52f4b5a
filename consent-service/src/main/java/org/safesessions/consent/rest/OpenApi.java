package org.safesessions.consent.rest;

/**
 * Media types the OpenAPI annotations of this service's resources name. The answers every operation can give
 * (401, 403, 406, 413, 415, 500, 503) and security are added to the document once for all services by the kit.
 */
final class OpenApi {

    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";

    private OpenApi() {
    }
}
