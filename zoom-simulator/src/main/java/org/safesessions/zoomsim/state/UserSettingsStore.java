package org.safesessions.zoomsim.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each host's settings, starting from Zoom's defaults for a new licensed user.
 * One document per user id holds every section; the {@code option} query parameter
 * of Zoom's settings API picks which part is read or written.
 */
@ApplicationScoped
public class UserSettingsStore {

    public static final String MEETING_SECURITY = "meeting_security";
    public static final String MEETING_AUTHENTICATION = "meeting_authentication";
    public static final String RECORDING_AUTHENTICATION = "recording_authentication";
    private static final List<String> NOT_IN_PLAIN_VIEW =
            List.of(MEETING_SECURITY, MEETING_AUTHENTICATION, RECORDING_AUTHENTICATION);

    private final Map<String, ObjectNode> settingsByUser = new TreeMap<>();
    /** Per user: settings an account admin locked, which a user's PATCH cannot change (a host "drifting"). */
    private final Map<String, ObjectNode> lockedByUser = new TreeMap<>();
    private ObjectNode defaults;

    @Inject
    ObjectMapper objectMapper;

    @PostConstruct
    void loadDefaults() {
        try (InputStream in = getClass().getResourceAsStream("/zoom/default-user-settings.json")) {
            defaults = (ObjectNode) objectMapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings as {@code GET /users/{userId}/settings?option=...} answers them. */
    public synchronized ObjectNode view(String userId, String option) {
        ObjectNode all = settingsOf(userId);
        ObjectNode view = objectMapper.createObjectNode();
        if (option == null || option.isEmpty()) {
            view.setAll(all);
            view.remove(NOT_IN_PLAIN_VIEW);
        } else if (option.equals(MEETING_SECURITY)) {
            view.set(MEETING_SECURITY, all.get(MEETING_SECURITY).deepCopy());
        } else {
            view.set(option, all.get(option).deepCopy());
            view.putArray("authentication_options");
        }
        return view;
    }

    /**
     * Applies a settings PATCH. For the authentication options only the on/off switch
     * is kept; the simulator does not model authentication profiles.
     */
    public synchronized void patch(String userId, String option, ObjectNode changes) {
        ObjectNode patch = changes.deepCopy();
        if (MEETING_AUTHENTICATION.equals(option) || RECORDING_AUTHENTICATION.equals(option)) {
            patch.remove("authentication_option");
        }
        ObjectNode merged = ZoomPatch.merged(settingsOf(userId), patch);
        ObjectNode locked = lockedByUser.get(userId);
        settingsByUser.put(userId, locked == null ? merged : ZoomPatch.merged(merged, locked));
    }

    /**
     * Locks settings of a user at these values, as an account admin can: the user's settings take them now, and a
     * PATCH answers 204 but leaves them so (what a client that reads back must notice).
     */
    public synchronized void lock(String userId, ObjectNode locked) {
        lockedByUser.merge(userId, locked.deepCopy(), (old, added) -> ZoomPatch.merged(old, added));
        settingsByUser.put(userId, ZoomPatch.merged(settingsOf(userId), locked));
    }

    /** Every user whose settings were read or changed, for the /_sim view. */
    public synchronized Map<String, ObjectNode> all() {
        return Collections.unmodifiableMap(new TreeMap<>(settingsByUser));
    }

    public synchronized void clear() {
        settingsByUser.clear();
        lockedByUser.clear();
    }

    private ObjectNode settingsOf(String userId) {
        return settingsByUser.computeIfAbsent(userId, id -> defaults.deepCopy());
    }
}
