package org.safesessions.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import org.safesessions.portal.client.Answer;
import org.safesessions.portal.client.Backend;
import org.safesessions.portal.client.Service;
import org.safesessions.portal.client.ServiceUnavailable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The facilitator checkboxes of the booking and change forms: the organisation's staff as session-service lists them
 * ({@code GET /facilitators}, from Keycloak), each by display name with its user name as the value sent. Someone
 * already chosen who is not in the list (the list cannot be read, or they left) stays on the form so they can be
 * unticked. session-service still decides who may facilitate.
 *
 * @param options     one checkbox each, in the service's order, then anyone chosen and not listed
 * @param unavailable the list could not be read (Keycloak or session-service away): the page says so
 */
@TemplateData
public record FacilitatorChoices(List<Option> options, boolean unavailable) {

    @TemplateData
    public record Option(String userName, String displayName, boolean listed, boolean chosen) {
    }

    /** The organisation's staff; null when session-service cannot say (a 503 while Keycloak is away, or any failure). */
    static JsonNode staff(Backend backend) {
        try {
            Answer answer = backend.get(Service.SESSION, "/facilitators");
            JsonNode staff = answer.ok() ? YoungPeoplePages.items(answer.body()) : null;
            return staff != null && staff.isArray() ? staff : null;
        } catch (ServiceUnavailable e) {
            return null;
        }
    }

    static FacilitatorChoices of(JsonNode staff, List<String> chosen) {
        Set<String> ticked = new LinkedHashSet<>();
        chosen.forEach(name -> ticked.add(name.trim().toLowerCase(Locale.ROOT)));
        List<Option> options = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        if (staff != null) {
            for (JsonNode person : staff) {
                String userName = person.path("userName").asText();
                if (userName.isBlank() || !listed.add(userName.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String displayName = person.path("displayName").asText("");
                options.add(new Option(userName, displayName.isBlank() ? userName : displayName, true,
                        ticked.contains(userName.toLowerCase(Locale.ROOT))));
            }
        }
        for (String name : ticked) {
            if (!name.isBlank() && !listed.contains(name)) {
                options.add(new Option(name, name, false, true));
            }
        }
        return new FacilitatorChoices(options, staff == null);
    }

    /**
     * How a page names these members of staff: each user name as its display name from the staff list, or the user
     * name itself when the list does not have them (or cannot be read).
     */
    static List<String> displayNames(JsonNode staff, JsonNode userNames) {
        List<String> names = new ArrayList<>();
        if (userNames != null && userNames.isArray()) {
            userNames.forEach(n -> names.add(displayName(staff, n.asText())));
        }
        return names;
    }

    static String displayName(JsonNode staff, String userName) {
        if (staff != null && userName != null) {
            for (JsonNode person : staff) {
                if (person.path("userName").asText().equalsIgnoreCase(userName)) {
                    String display = person.path("displayName").asText("");
                    return display.isBlank() ? userName : display;
                }
            }
        }
        return userName;
    }

    /** Whether this user name is in the organisation's list (the signed-in user is pre-ticked only if so). */
    static boolean lists(JsonNode staff, String userName) {
        if (staff == null || userName == null) {
            return false;
        }
        for (JsonNode person : staff) {
            if (person.path("userName").asText().equalsIgnoreCase(userName)) {
                return true;
            }
        }
        return false;
    }

    /** What was ticked, once each, in the order ticked: what session-service's {@code facilitators} takes. */
    static List<String> ticked(List<String> posted) {
        Set<String> names = new LinkedHashSet<>();
        if (posted != null) {
            posted.stream().map(FormInput::blankToNull).filter(n -> n != null).map(String::trim).forEach(names::add);
        }
        return new ArrayList<>(names);
    }
}
