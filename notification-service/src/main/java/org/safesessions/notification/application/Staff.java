package org.safesessions.notification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.staff.StaffDirectory;
import org.safesessions.kit.staff.StaffMember;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.time.Time;
import org.safesessions.notification.domain.StaffContact;
import org.safesessions.notification.domain.StaffContact.PreferredChannel;
import org.safesessions.notification.domain.StaffRole;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation's staff as this service tells them things. Who they are is Keycloak's, read through the kit's
 * staff directory and never edited here; a manager keeps only what Keycloak does not hold (phone, preferred channel,
 * quiet hours). A user name that is not an enabled member of staff of the caller's organisation is not found.
 */
@ApplicationScoped
public class Staff {

    @Inject
    Caller caller;

    @Inject
    StaffDirectory directory;

    @Inject
    Time time;

    /** A member of staff as Keycloak knows them, with this service's contacts (null when none were set). */
    public record Member(StaffMember member, StaffContact contact) {
    }

    /** What a manager sets: everything Keycloak does not hold; absent values are cleared to their defaults. */
    public record ChangeContacts(String userName, String phone, PreferredChannel preferredChannel, Boolean quietHours) {
    }

    /** The member after {@link #change}; {@code created} the first time their contacts were set. */
    public record Changed(Member member, boolean created) {
    }

    /** Everyone holding a staff role, by user name. */
    public Listed<Member> list(int page, int size) {
        String org = caller.organisation();
        Map<String, StaffMember> staff = new LinkedHashMap<>();
        for (StaffRole role : StaffRole.values()) {
            directory.withRole(org, role.realmRole()).forEach(m -> staff.putIfAbsent(m.id(), m));
        }
        List<StaffMember> sorted = staff.values().stream().sorted(Comparator.comparing(StaffMember::userName)).toList();
        List<Member> items = sorted.stream().skip((long) page * size).limit(size)
                .map(m -> new Member(m, StaffContact.of(org, m.id()).orElse(null))).toList();
        return new Listed<>(items, sorted.size());
    }

    public Member get(String userName) {
        StaffMember member = member(userName);
        return new Member(member, StaffContact.of(member.organisation(), member.id()).orElse(null));
    }

    @Transactional
    public Changed change(ChangeContacts command) {
        StaffMember member = member(command.userName());
        StaffContact contact = StaffContact.of(member.organisation(), member.id()).orElse(null);
        boolean created = contact == null;
        if (created) {
            contact = StaffContact.create(member.organisation(), member.id());
        }
        contact.change(command.phone(), command.preferredChannel(), command.quietHours(), caller.userName(), time.now());
        if (created) {
            contact.persist();
        }
        return new Changed(new Member(member, contact), created);
    }

    /** Forgets the member's contacts (they stay staff: that is Keycloak's to say). */
    @Transactional
    public void forget(String userName) {
        StaffMember member = member(userName);
        StaffContact.delete("organisation = ?1 and userId = ?2", member.organisation(), member.id());
    }

    private StaffMember member(String userName) {
        return directory.byUserName(caller.organisation(), userName)
                .orElseThrow(() -> new RecordNotFoundException("staff member"));
    }
}
