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
                          String timezone, String agenda, String password, MeetingSettings settings,
                          @JsonProperty("schedule_for") String scheduleFor) {
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

    public record RegistrantStatus(String action, List<RegistrantRef> registrants) {
    }

    public record RegistrantRef(String id) {
    }

    /**
     * The host's in-meeting safety settings (SPEC §4), enforced on every host before a meeting is made or moved
     * there and read back: only the host shares the screen (also while someone is sharing), no file transfer, no
     * private chat, chat with the host and co-hosts only, chats neither saved nor auto-saved, annotation,
     * whiteboard and remote control off, the waiting room on, passcodes required and not embedded in join links.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HostSettings(@JsonProperty("in_meeting") InMeeting inMeeting,
                               @JsonProperty("schedule_meeting") ScheduleMeeting scheduleMeeting) {
        static HostSettings safe() {
            return new HostSettings(new InMeeting(true, "host", "host", false, false, true, 2, 1, false, false, false,
                    false, true), new ScheduleMeeting(false, true, false));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InMeeting(@JsonProperty("screen_sharing") Boolean screenSharing,
                            @JsonProperty("who_can_share_screen") String whoCanShareScreen,
                            @JsonProperty("who_can_share_screen_when_someone_is_sharing") String whoCanShareWhenSharing,
                            @JsonProperty("file_transfer") Boolean fileTransfer,
                            @JsonProperty("private_chat") Boolean privateChat,
                            Boolean chat,
                            /** 2: host and co-hosts only. */
                            @JsonProperty("allow_participants_chat_with") Integer allowParticipantsChatWith,
                            /** 1: participants cannot save meeting chats. */
                            @JsonProperty("allow_users_save_chats") Integer allowUsersSaveChats,
                            @JsonProperty("auto_saving_chat") Boolean autoSavingChat,
                            Boolean annotation,
                            Boolean whiteboard,
                            @JsonProperty("remote_control") Boolean remoteControl,
                            @JsonProperty("waiting_room") Boolean waitingRoom) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScheduleMeeting(@JsonProperty("join_before_host") Boolean joinBeforeHost,
                                  @JsonProperty("require_password_for_scheduled_meetings") Boolean requirePassword,
                                  @JsonProperty("embed_password_in_join_link") Boolean embedPasswordInJoinLink) {
    }

    /** The host's meeting security ({@code ?option=meeting_security}): where Zoom keeps the waiting room's rules. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SecuritySettings(@JsonProperty("meeting_security") MeetingSecurity meetingSecurity) {
        static SecuritySettings safe() {
            return new SecuritySettings(new MeetingSecurity(true, new WaitingRoomSettings(0, 0), false));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeetingSecurity(@JsonProperty("waiting_room") Boolean waitingRoom,
                                  @JsonProperty("waiting_room_settings") WaitingRoomSettings waitingRoomSettings,
                                  @JsonProperty("embed_password_in_join_link") Boolean embedPasswordInJoinLink) {
    }

    /** 0 and 0: everyone waits, and only the host and co-hosts admit. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WaitingRoomSettings(
            @JsonProperty("participants_to_place_in_waiting_room") Integer participantsToPlaceInWaitingRoom,
            @JsonProperty("users_who_can_admit_participants_from_waiting_room") Integer whoCanAdmit) {
    }

    /**
     * Zoom's names of the settings {@code held} does not hold as {@code wanted} says (null in wanted: not enforced),
     * e.g. {@code in_meeting.private_chat}.
     */
    static List<String> differences(String prefix, Record wanted, Record held) {
        List<String> differ = new java.util.ArrayList<>();
        for (java.lang.reflect.RecordComponent component : wanted.getClass().getRecordComponents()) {
            try {
                Object want = component.getAccessor().invoke(wanted);
                Object have = held == null ? null : component.getAccessor().invoke(held);
                // @JsonProperty does not target record components: it is found on the accessor
                JsonProperty named = component.getAccessor().getAnnotation(JsonProperty.class);
                String name = prefix + (named != null ? named.value() : component.getName());
                if (want instanceof Record nested) {
                    differ.addAll(differences(name + ".", nested, (Record) have));
                } else if (want != null && !want.equals(have)) {
                    differ.add(name);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return differ;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AccessToken(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }
}
