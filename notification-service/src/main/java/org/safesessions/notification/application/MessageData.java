package org.safesessions.notification.application;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a template can say, as a map with every key present (empty when a message has no such value): event codes
 * and times in the words and time zone families read ("group sessions", "Tuesday 1 September 2027", "16:30" UK
 * time), plus what is looked up when sending (names, title, join link).
 */
public final class MessageData {

    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    /** Every key a template may use. */
    public static final List<String> KEYS = List.of(
            "recipientName", "youngPersonName", "portalUrl", "scopeText", "platformsText", "platformText", "title",
            "startsOn", "startsTime", "endsOn", "endsTime", "previousStartsOn", "previousStartsTime", "expiresOn",
            "expiresTime", "withdrawnOn", "withdrawnTime", "raisedOn", "raisedTime", "dueOn", "dueTime", "joinedOn",
            "joinedTime", "joinUrl", "passcode", "reference", "riskText", "categoriesText", "clockText", "reasonText",
            "failure", "attempts", "concernLink", "sessionLink");

    private final Map<String, Object> values = new HashMap<>();

    private MessageData() {
        KEYS.forEach(k -> values.put(k, ""));
    }

    /** From a delivery's parameters (ids, codes, times), with the readable forms added. */
    public static MessageData fromParams(Map<String, Object> params, String portalUrl) {
        MessageData data = new MessageData();
        data.values.put("portalUrl", portalUrl);
        params.forEach((key, value) -> data.add(key, value, portalUrl));
        return data;
    }

    public MessageData with(String key, Object value) {
        values.put(key, value == null ? "" : value);
        return this;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    private void add(String key, Object value, String portalUrl) {
        if (value == null) {
            return;
        }
        switch (key) {
            case "scope" -> values.put("scopeText", words(value.toString()));
            case "platforms" -> values.put("platformsText", value instanceof List<?> list
                    ? list.stream().map(p -> platformName(p.toString())).collect(Collectors.joining(", "))
                    : platformName(value.toString()));
            case "platform" -> values.put("platformText", platformName(value.toString()));
            case "risk" -> values.put("riskText", words(value.toString()));
            case "categories" -> values.put("categoriesText", value instanceof List<?> list
                    ? list.stream().map(c -> words(c.toString())).sorted().collect(Collectors.joining(", "))
                    : words(value.toString()));
            case "clock" -> values.put("clockText", "ACKNOWLEDGEMENT".equals(value)
                    ? "a DSL's acknowledgement of an immediate-danger concern"
                    : "the council's decision on a referral");
            case "reason" -> values.put("reasonText", switch (value.toString()) {
                case "CONSENT_WITHDRAWN" -> "consent was withdrawn";
                case "CONSENT_EXPIRED" -> "consent has expired";
                default -> "the coordinator took them off the session";
            });
            case "concernId" -> values.put("concernLink", portalUrl + "/concerns/" + value);
            case "sessionId" -> values.put("sessionLink", portalUrl + "/sessions/" + value);
            case "reference", "failure", "attempts" -> values.put(key, value.toString());
            default -> {
                if (key.endsWith("At") && value instanceof String time) {
                    ZonedDateTime local = OffsetDateTime.parse(time).atZoneSameInstant(UK);
                    String stem = key.substring(0, key.length() - 2);
                    values.put(stem + "On", DAY.format(local));
                    values.put(stem + "Time", TIME.format(local));
                }
            }
        }
    }

    private static String words(String code) {
        return code.replace('_', ' ').toLowerCase(Locale.UK);
    }

    private static String platformName(String code) {
        return switch (code) {
            case "ZOOM" -> "Zoom";
            case "TEAMS" -> "Microsoft Teams";
            case "GOOGLE_MEET" -> "Google Meet";
            case "WHATSAPP" -> "WhatsApp";
            default -> code.charAt(0) + code.substring(1).toLowerCase(Locale.UK).replace('_', ' ');
        };
    }

    /** Plausible values for every key, for previews and for checking an edited template before it is saved. */
    public static MessageData sample(String portalUrl) {
        OffsetDateTime start = OffsetDateTime.now(UK).plusDays(7).withHour(16).withMinute(30).withSecond(0).withNano(0);
        Map<String, Object> params = new HashMap<>();
        params.put("scope", "GROUP_SESSIONS");
        params.put("platforms", List.of("ZOOM"));
        params.put("platform", "ZOOM");
        params.put("risk", "IMMEDIATE_DANGER");
        params.put("categories", List.of("STRANGER_CONTACT"));
        params.put("clock", "ACKNOWLEDGEMENT");
        params.put("reason", "CONSENT_WITHDRAWN");
        params.put("concernId", "00000000-0000-0000-0000-000000000001");
        params.put("sessionId", "00000000-0000-0000-0000-000000000002");
        params.put("reference", "SG-2026-0001");
        params.put("failure", "HTTP_503");
        params.put("attempts", "6");
        for (String at : List.of("startsAt", "endsAt", "previousStartsAt", "expiresAt", "withdrawnAt", "raisedAt",
                "dueAt", "joinedAt")) {
            params.put(at, start.toString());
        }
        params.put("endsAt", start.plusHours(1).toString());
        params.put("previousStartsAt", start.minusDays(1).toString());
        return fromParams(params, portalUrl)
                .with("recipientName", "Pat Example")
                .with("youngPersonName", "Alex")
                .with("title", "Friday group")
                .with("joinUrl", "https://zoom.us/w/123456789?tk=example")
                .with("passcode", "a1B2c3");
    }
}
