package org.safesessions.zoomsim.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Zoom's answer to a Server-to-Server OAuth token request. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccessTokenResponse(String accessToken, String tokenType, long expiresIn, String scope) {
}
