package org.safesessions.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A Zoom host of an organisation whose safety settings read back differently from what was enforced: it is not
 * given to any session until a manager sets the host pool again (which has every host's settings enforced anew).
 */
@Entity
@Table(name = "zoom_host_drift")
public class ZoomHostDrift extends PanacheEntityBase {

    @EmbeddedId
    public ZoomHost.Key key;

    /** Zoom's names of the settings that differed, comma-separated. */
    @Column(nullable = false)
    public String settings;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "detected_at", nullable = false)
    public OffsetDateTime detectedAt;

    public List<String> settingNames() {
        return Arrays.asList(settings.split(","));
    }

    /** The host drifted (found while provisioning {@code sessionId}); a second finding replaces the first. */
    public static void found(String organisation, String userId, List<String> settings, UUID sessionId,
                             OffsetDateTime now) {
        ZoomHost.Key key = new ZoomHost.Key(organisation, userId);
        ZoomHostDrift drift = findById(key);
        if (drift == null) {
            drift = new ZoomHostDrift();
            drift.key = key;
        }
        drift.settings = String.join(",", settings);
        drift.sessionId = sessionId;
        drift.detectedAt = now;
        drift.persist();
    }

    /** Hosts of the organisation set aside. */
    public static Set<String> hostsOf(String organisation) {
        return ofOrganisation(organisation).stream().map(d -> d.key.userId).collect(Collectors.toSet());
    }

    public static List<ZoomHostDrift> ofOrganisation(String organisation) {
        return list("key.organisation = ?1 order by detectedAt desc", organisation);
    }

    /** The manager set the pool again: these hosts are trusted again, their settings enforced before next use. */
    public static void cleared(String organisation, Collection<String> userIds) {
        if (!userIds.isEmpty()) {
            delete("key.organisation = ?1 and key.userId in ?2", organisation, userIds);
        }
    }
}
