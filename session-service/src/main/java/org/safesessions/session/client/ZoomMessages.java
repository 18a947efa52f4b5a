package org.safesessions.session.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Zoom's request and response bodies, in Zoom's field names; nulls are left out so a PATCH changes only what it names. */
public final class ZoomMessages {

    private ZoomMessages() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Meeting(String topic, Integer type, @JsonProperty("start_time") String startTime, Integer duration,
                          String timezone, String agenda, String password, MeetingSettings settings) {
    }

    /** The safe meeting settings of SPEC §4. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeetingSettings(@JsonProperty("waiting_room") Boolean waitingRoom,
                                  @JsonProperty("join_before_host") Boolean joinBeforeHost,
                                  @JsonProperty("auto_recording") String autoRecording,
                                  @JsonProperty("mute_upon_entry") Boolean muteUponEntry,
                                  @JsonProperty("approval_type") Integer approvalType,
                                  @JsonProperty("registrants_email_notification") Boolean registrantsEmailNotification) {
        public static MeetingSettings safe() {
            // approval 0: registrants are approved at once, each with a personal link; Zoom sends them no email:
            // invitations go out from notification-service with the safety reminders
            return new MeetingSettings(true, false, "none", true, 0, false);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeetingCreated(long id, @JsonProperty("join_url") String joinUrl, String password) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListedMeeting(long id, String agenda) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeetingPage(List<ListedMeeting> meetings, @JsonProperty("next_page_token") String nextPageToken) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Registrant(String email, @JsonProperty("first_name") String firstName,
                             @JsonProperty("last_name") String lastName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RegistrantCreated(@JsonProperty("registrant_id") String registrantId, @JsonProperty("join_url") String joinUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListedRegistrant(String id, String email, @JsonProperty("join_url") String joinUrl, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RegistrantPage(List<ListedRegistrant> registrants, @JsonProperty("next_page_token") String nextPageToken) {
    }

    public record RegistrantStatus(String action, List<RegistrantRef> registrants) {
    }

    public record RegistrantRef(String id) {
    }

    /** The host's in-meeting settings enforced on every meeting they host. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HostSettings(@JsonProperty("in_meeting") InMeeting inMeeting,
                               @JsonProperty("schedule_meeting") ScheduleMeeting scheduleMeeting) {
        static HostSettings safe() {
            return new HostSettings(new InMeeting(true, "host", "host", false, true),
                    new ScheduleMeeting(false, true));
        }

        /** Whether Zoom holds every safe setting (read back after the PATCH). */
        boolean satisfies(HostSettings wanted) {
            return inMeeting != null && scheduleMeeting != null && inMeeting.equals(wanted.inMeeting)
                    && scheduleMeeting.equals(wanted.scheduleMeeting);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InMeeting(@JsonProperty("screen_sharing") Boolean screenSharing,
                            @JsonProperty("who_can_share_screen") String whoCanShareScreen,
                            @JsonProperty("who_can_share_screen_when_someone_is_sharing") String whoCanShareWhenSharing,
                            @JsonProperty("file_transfer") Boolean fileTransfer,
                            @JsonProperty("waiting_room") Boolean waitingRoom) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScheduleMeeting(@JsonProperty("join_before_host") Boolean joinBeforeHost,
                                  @JsonProperty("require_password_for_scheduled_meetings") Boolean requirePassword) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AccessToken(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }
}
