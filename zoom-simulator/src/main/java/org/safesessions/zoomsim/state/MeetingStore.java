package org.safesessions.zoomsim.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.safesessions.zoomsim.config.ZoomSimConfig;

/**
 * The account's meetings and their registrants, in memory. Every operation is
 * synchronized: compound changes (check the limit, then create) must not interleave,
 * and the simulator never sees enough traffic for the lock to matter.
 */
@ApplicationScoped
public class MeetingStore {

    /** Zoom's passcode rule: at most 10 of letters, digits and {@code @ - _ *}. */
    private static final Pattern PASSCODE = Pattern.compile("[A-Za-z0-9@_*-]{1,10}");
    private static final String PASSCODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** Accepted in create/update bodies but absent from Zoom's meeting responses. */
    private static final List<String> REQUEST_ONLY_SETTINGS = List.of("meeting_invitees", "additional_data_center_regions");

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final Map<Long, Meeting> meetings = new LinkedHashMap<>();
    private final Map<String, Integer> creationsByHostAndDay = new HashMap<>();
    /**
     * Zoom meeting numbers are 10–11 digits. Starting at a random point means a restarted
     * simulator does not hand out ids a client may still hold from the previous run.
     */
    private long nextId = 80_000_000_000L + random.nextLong(9_000_000_000L);
    private ObjectNode defaultSettings;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    ZoomSimConfig config;

    @PostConstruct
    void loadDefaults() {
        try (InputStream in = getClass().getResourceAsStream("/zoom/default-meeting-settings.json")) {
            defaultSettings = (ObjectNode) objectMapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized Meeting create(String userId, MeetingDetails details) {
        ZoomUser host = ZoomUser.named(userId);
        countCreation(host);
        long id = nextId++;
        String encryptedPassword = randomToken(32);
        String web = config.webBaseUrl();
        ObjectNode settings = details.settings() == null
                ? defaultSettings.deepCopy()
                : ZoomPatch.merged(defaultSettings, withoutRequestOnlyFields(details.settings()));
        Meeting meeting = new Meeting(
                id,
                randomUuid(),
                host,
                details.topic(),
                details.type() == null ? 2 : details.type(),
                details.startTime() == null ? now() : parseStartTime(details.startTime()),
                details.duration(),
                checkedTimezone(details.timezone()),
                details.agenda(),
                details.password() == null ? randomPasscode() : checkedPasscode(details.password()),
                encryptedPassword,
                settings,
                details.recurrence(),
                details.trackingFields(),
                now(),
                MeetingStatus.WAITING,
                false,
                web + "/j/" + id + "?pwd=" + encryptedPassword,
                web + "/s/" + id + "?zak=" + randomToken(48),
                web + "/meeting/register/" + randomToken(32),
                List.of());
        meetings.put(id, meeting);
        return meeting;
    }

    /** The host's meetings that are not deleted, oldest first (a scheduled meeting's list). */
    public synchronized List<Meeting> ofHost(String userId) {
        String hostId = ZoomUser.named(userId).id();
        return meetings.values().stream().filter(m -> !m.deleted() && m.host().id().equals(hostId))
                .sorted(java.util.Comparator.comparingLong(Meeting::id)).toList();
    }

    public synchronized Meeting find(long meetingId) {
        Meeting meeting = meetings.get(meetingId);
        if (meeting == null || meeting.deleted()) {
            throw ZoomApiException.meetingNotFound(meetingId);
        }
        return meeting;
    }

    public synchronized Meeting update(long meetingId, MeetingDetails changes) {
        Meeting m = find(meetingId);
        ZoomUser host = changes.scheduleFor() == null ? m.host() : ZoomUser.named(changes.scheduleFor());
        countCreation(host);
        String timezone = changes.timezone() == null ? m.timezone() : checkedTimezone(changes.timezone());
        Meeting updated = new Meeting(
                m.id(), m.uuid(), host,
                changes.topic() == null ? m.topic() : changes.topic(),
                changes.type() == null ? m.type() : changes.type(),
                changes.startTime() == null ? m.startTime() : parseStartTime(changes.startTime()),
                changes.duration() == null ? m.duration() : changes.duration(),
                timezone,
                changes.agenda() == null ? m.agenda() : changes.agenda(),
                changes.password() == null ? m.password() : checkedPasscode(changes.password()),
                m.encryptedPassword(),
                changes.settings() == null ? m.settings()
                        : ZoomPatch.merged(m.settings(), withoutRequestOnlyFields(changes.settings())),
                changes.recurrence() == null ? m.recurrence() : changes.recurrence(),
                changes.trackingFields() == null ? m.trackingFields() : changes.trackingFields(),
                m.createdAt(), m.status(), m.deleted(), m.joinUrl(), m.startUrl(), m.registrationUrl(),
                m.registrants());
        meetings.put(meetingId, updated);
        return updated;
    }

    /** Zoom keeps deleted meetings for a while: {@code PUT .../status {"action":"recover"}} brings them back. */
    public synchronized void delete(long meetingId) {
        Meeting meeting = find(meetingId);
        if (meeting.status() == MeetingStatus.STARTED) {
            throw new ZoomApiException(400, 3002, "Sorry, you cannot delete this meeting since it is in progress.");
        }
        meetings.put(meetingId, meeting.withDeleted(true));
    }

    public synchronized void end(long meetingId) {
        meetings.put(meetingId, find(meetingId).withStatus(MeetingStatus.WAITING));
    }

    public synchronized void recover(long meetingId) {
        Meeting meeting = meetings.get(meetingId);
        if (meeting == null) {
            throw ZoomApiException.meetingNotFound(meetingId);
        }
        meetings.put(meetingId, meeting.withDeleted(false));
    }

    /** Driven by simulated meeting.started / meeting.ended webhooks, as the real meeting would. */
    public synchronized Meeting markStatus(long meetingId, MeetingStatus status) {
        Meeting meeting = find(meetingId).withStatus(status);
        meetings.put(meetingId, meeting);
        return meeting;
    }

    /**
     * Registering the same email twice gives back the same registrant, as Zoom does, so a
     * client that retries an add does not end up with two join links for one person.
     */
    public synchronized Registrant register(long meetingId, RegistrantDetails details) {
        Meeting meeting = find(meetingId);
        requireRegistration(meeting);
        int approvalType = meeting.settings().path("approval_type").asInt(2);
        RegistrantStatus status = approvalType == 0 || Boolean.TRUE.equals(details.autoApprove())
                ? RegistrantStatus.APPROVED : RegistrantStatus.PENDING;
        List<Registrant> registrants = new ArrayList<>(meeting.registrants());
        Optional<Registrant> existing = meeting.registrantByEmail(details.email());
        Registrant registrant;
        if (existing.isPresent()) {
            registrant = existing.get().status() == RegistrantStatus.CANCELLED
                    ? existing.get().withStatus(status) : existing.get();
            registrants.replaceAll(r -> r.registrantId().equals(registrant.registrantId()) ? registrant : r);
        } else {
            registrant = new Registrant(
                    randomToken(22),
                    details.email(),
                    details.firstName(),
                    details.lastName(),
                    status,
                    config.webBaseUrl() + "/w/" + meetingId + "?tk=" + randomToken(43),
                    now());
            registrants.add(registrant);
        }
        meetings.put(meetingId, meeting.withRegistrants(registrants));
        return registrant;
    }

    public synchronized List<Registrant> registrants(long meetingId, RegistrantStatus status) {
        return find(meetingId).registrants().stream().filter(r -> r.status() == status).toList();
    }

    public synchronized void changeRegistrantStatus(long meetingId, RegistrantStatus newStatus,
                                                    List<RegistrantReference> references) {
        Meeting meeting = find(meetingId);
        if (!meeting.registrationRequired()) {
            throw ZoomApiException.invalidParameter(
                    "This meeting has not set registration as required: " + meetingId + ".");
        }
        List<Registrant> registrants = new ArrayList<>(meeting.registrants());
        for (RegistrantReference reference : references) {
            Registrant target = (reference.id() != null
                    ? meeting.registrant(reference.id())
                    : Optional.ofNullable(reference.email()).flatMap(meeting::registrantByEmail))
                    .orElseThrow(() -> new ZoomApiException(404, 3001, "Registrant not found: "
                            + (reference.id() != null ? reference.id() : reference.email()) + "."));
            registrants.replaceAll(r -> r.registrantId().equals(target.registrantId()) ? r.withStatus(newStatus) : r);
        }
        meetings.put(meetingId, meeting.withRegistrants(registrants));
    }

    /** Every meeting, deleted ones included, for the /_sim view. */
    public synchronized List<Meeting> all() {
        return List.copyOf(meetings.values());
    }

    public synchronized void clear() {
        meetings.clear();
        creationsByHostAndDay.clear();
    }

    private void requireRegistration(Meeting meeting) {
        if (!meeting.registrationRequired()) {
            throw new ZoomApiException(404, 3001,
                    "Registration has not been enabled for this meeting: " + meeting.id() + ".");
        }
    }

    /** Meetings created or updated per host per UTC day, for the /_sim view: host id to count, today only. */
    public synchronized Map<String, Integer> createdOrUpdatedToday() {
        String suffix = "/" + LocalDate.now(clock);
        Map<String, Integer> today = new java.util.TreeMap<>();
        creationsByHostAndDay.forEach((key, count) -> {
            if (key.endsWith(suffix)) {
                today.put(key.substring(0, key.length() - suffix.length()), count);
            }
        });
        return today;
    }

    /** Zoom's per-host daily limit on meetings created or updated; it resets at 00:00 UTC. */
    private void countCreation(ZoomUser host) {
        LocalDate today = LocalDate.now(clock);
        String key = host.id() + "/" + today;
        int made = creationsByHostAndDay.getOrDefault(key, 0);
        int limit = config.meetingCreationsPerHostPerDay();
        if (made >= limit) {
            throw new ZoomApiException(429, 429, "You have exceeded the daily rate limit (" + limit
                    + ") of Meeting Create/Update API requests permitted for this particular user. "
                    + "You may resume these requests at GMT 00:00:00.",
                    Map.of("Retry-After", today.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString(),
                            "X-RateLimit-Type", "Daily-limit",
                            "X-RateLimit-Limit", String.valueOf(limit),
                            "X-RateLimit-Remaining", "0"));
        }
        creationsByHostAndDay.put(key, made + 1);
    }

    private static ObjectNode withoutRequestOnlyFields(ObjectNode settings) {
        ObjectNode copy = settings.deepCopy();
        copy.remove(REQUEST_ONLY_SETTINGS);
        return copy;
    }

    private static String checkedPasscode(String password) {
        if (!PASSCODE.matcher(password).matches()) {
            throw ZoomApiException.invalidParameter("Invalid password: a passcode has at most 10 characters, "
                    + "only letters, digits and @ - _ *.");
        }
        return password;
    }

    private static String checkedTimezone(String timezone) {
        if (timezone != null) {
            try {
                ZoneId.of(timezone);
            } catch (DateTimeException e) {
                throw ZoomApiException.invalidParameter("Invalid timezone: " + timezone + ".");
            }
        }
        return timezone;
    }

    /** The contract admits RFC 3339 times only (Zoom's local-time form fails its date-time format). */
    private static Instant parseStartTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            throw ZoomApiException.invalidParameter("Invalid start_time: " + text + ".");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private String randomPasscode() {
        StringBuilder passcode = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            passcode.append(PASSCODE_ALPHABET.charAt(random.nextInt(PASSCODE_ALPHABET.length())));
        }
        return passcode.toString();
    }

    /** Zoom's meeting UUIDs are base64 of 16 bytes. */
    private String randomUuid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private String randomToken(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
    }
}
