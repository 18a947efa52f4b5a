package org.safesessions.zoomsim.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The part of Zoom's "add registrant" body the simulator keeps. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistrantDetails(String email, String firstName, String lastName, Boolean autoApprove) {
}
