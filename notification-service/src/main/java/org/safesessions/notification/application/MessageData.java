package org.safesessions.notification.application;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.safesessions.notification.domain.Language;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a template can say, as a map with every key present (empty when a message has no such value): event codes
 * and times in the words, language and time zone families read ("group sessions", "Tuesday 1 September 2027",
 * "16:30" UK time; in Welsh "sesiynau grŵp", "dydd Mawrth 1 Medi 2027"), plus what is looked up when sending
 * (names, title, join link).
 */
public final class MessageData {

    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    /**
     * Welsh dates as Welsh writes them in running text: "dydd Mawrth 1 Rhagfyr 2026". The names are spelled out here
     * rather than taken from the JDK's {@code cy} locale, whose CLDR data capitalises the day ("Dydd Mawrth"), as a
     * heading or the start of a sentence would, and differs between JDK locale providers.
     */
    static final DateTimeFormatter WELSH_DAY = new DateTimeFormatterBuilder()
            .appendText(ChronoField.DAY_OF_WEEK, Map.of(
                    (long) DayOfWeek.MONDAY.getValue(), "dydd Llun", (long) DayOfWeek.TUESDAY.getValue(), "dydd Mawrth",
                    (long) DayOfWeek.WEDNESDAY.getValue(), "dydd Mercher", (long) DayOfWeek.THURSDAY.getValue(), "dydd Iau",
                    (long) DayOfWeek.FRIDAY.getValue(), "dydd Gwener", (long) DayOfWeek.SATURDAY.getValue(), "dydd Sadwrn",
                    (long) DayOfWeek.SUNDAY.getValue(), "dydd Sul"))
            .appendLiteral(' ').appendValue(ChronoField.DAY_OF_MONTH).appendLiteral(' ')
            .appendText(ChronoField.MONTH_OF_YEAR, welshMonths()).appendLiteral(' ')
            .appendValue(ChronoField.YEAR, 4).toFormatter(Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private static Map<Long, String> welshMonths() {
        List<String> names = List.of("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
                "Medi", "Hydref", "Tachwedd", "Rhagfyr");
        Map<Long, String> months = new HashMap<>();
        for (Month month : Month.values()) {
            months.put((long) month.getValue(), names.get(month.ordinal()));
        }
        return months;
    }

    /** Every key a template may use. */
    public static final List<String> KEYS = List.of(
            "recipientName", "youngPersonName", "portalUrl", "scopeText", "platformsText", "platformText", "title",
            "startsOn", "startsTime", "endsOn", "endsTime", "previousStartsOn", "previousStartsTime", "expiresOn",
            "expiresTime", "withdrawnOn", "withdrawnTime", "raisedOn", "raisedTime", "dueOn", "dueTime", "joinedOn",
            "joinedTime", "waitingOn", "waitingTime", "detectedOn", "detectedTime", "joinUrl", "passcode", "reference",
            "riskText", "categoriesText", "clockText", "reasonText", "settingsText", "failure", "attempts", "concernLink",
            "sessionLink", "zoomHostsLink");

    private final Map<String, Object> values = new HashMap<>();
    private final Language language;

    private MessageData(Language language) {
        this.language = language;
        KEYS.forEach(k -> values.put(k, ""));
    }

    /** From a delivery's parameters (ids, codes, times), with the readable forms added, in English. */
    public static MessageData fromParams(Map<String, Object> params, String portalUrl) {
        return fromParams(params, portalUrl, Language.EN);
    }

    /** As above, with dates and words in {@code language}. */
    public static MessageData fromParams(Map<String, Object> params, String portalUrl, Language language) {
        MessageData data = new MessageData(language);
        data.values.put("portalUrl", portalUrl);
        params.forEach((key, value) -> data.add(key, value, portalUrl));
        return data;
    }

    public Language language() {
        return language;
    }

    /** A date as this language writes it. */
    public static String day(ZonedDateTime local, Language language) {
        return (language == Language.CY ? WELSH_DAY : DAY).format(local);
    }

    private FamilyMessages words() {
        return language == Language.CY
                ? MessageBundles.get(FamilyMessages.class, Localized.Literal.of(language.code()))
                : MessageBundles.get(FamilyMessages.class);
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
            case "scope" -> values.put("scopeText", scope(value.toString()));
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
                case "CONSENT_WITHDRAWN" -> words().reasonConsentWithdrawn();
                case "CONSENT_EXPIRED" -> words().reasonConsentExpired();
                default -> words().reasonCoordinator();
            });
            case "concernId" -> values.put("concernLink", portalUrl + "/concerns/" + value);
            case "sessionId" -> {
                values.put("sessionLink", portalUrl + "/sessions/" + value);
                values.put("zoomHostsLink", portalUrl + "/policy#zoom-hosts");
            }
            case "settings" -> values.put("settingsText", value instanceof List<?> list
                    ? list.stream().map(Object::toString).collect(Collectors.joining(", ")) : value.toString());
            case "reference", "failure", "attempts" -> values.put(key, value.toString());
            default -> {
                if (key.endsWith("At") && value instanceof String time) {
                    ZonedDateTime local = OffsetDateTime.parse(time).atZoneSameInstant(UK);
                    String stem = key.substring(0, key.length() - 2);
                    values.put(stem + "On", day(local, language));
                    values.put(stem + "Time", TIME.format(local));
                }
            }
        }
    }

    private String scope(String code) {
        return switch (code) {
            case "GROUP_SESSIONS" -> words().scopeGroupSessions();
            case "ONE_TO_ONE_SESSIONS" -> words().scopeOneToOneSessions();
            case "PHOTOGRAPHY_FILMING" -> words().scopePhotographyFilming();
            case "INFORMATION_SHARING" -> words().scopeInformationSharing();
            default -> words(code);
        };
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
        return sample(portalUrl, Language.EN);
    }

    /** As above, in {@code language}. */
    public static MessageData sample(String portalUrl, Language language) {
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
        params.put("settings", List.of("in_meeting.private_chat", "in_meeting.file_transfer"));
        for (String at : List.of("startsAt", "endsAt", "previousStartsAt", "expiresAt", "withdrawnAt", "raisedAt",
                "dueAt", "joinedAt", "waitingAt", "detectedAt")) {
            params.put(at, start.toString());
        }
        params.put("endsAt", start.plusHours(1).toString());
        params.put("previousStartsAt", start.minusDays(1).toString());
        return fromParams(params, portalUrl, language)
                .with("recipientName", "Pat Example")
                .with("youngPersonName", "Alex")
                .with("title", "Friday group")
                .with("joinUrl", "https://zoom.us/w/123456789?tk=example")
                .with("passcode", "a1B2c3");
    }
}
