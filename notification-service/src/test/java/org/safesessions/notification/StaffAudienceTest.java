package org.safesessions.notification;

import org.junit.jupiter.api.Test;
import org.safesessions.notification.domain.StaffAudience;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Whom a session event's facilitators are, as an audience, and audiences queued before ids still read the same. */
class StaffAudienceTest {

    @Test
    void facilitatorsWithIdsAreAddressedByIdOnly() {
        StaffAudience audience = StaffAudience.facilitators(List.of("id-1", "id-2"), List.of("someone", "else"));
        assertEquals(List.of("id-1", "id-2"), audience.staffIds());
        assertEquals(List.of(), audience.userNames(), "the names beside the ids address nobody");
    }

    @Test
    void anEventWithoutIdsIsAddressedByName() {
        StaffAudience audience = StaffAudience.facilitators(null, List.of("worker-a"));
        assertEquals(List.of(), audience.staffIds());
        assertEquals(List.of("worker-a"), audience.userNames());
        assertEquals(StaffAudience.named(List.of("worker-a")), audience);
    }

    @Test
    void moreFacilitatorsByNameThanByIdKeepsTheNamesForTheOneWithoutId() {
        StaffAudience audience = StaffAudience.facilitators(List.of("id-1"), List.of("worker-a", "older-a"));
        assertEquals(List.of("id-1"), audience.staffIds());
        assertEquals(List.of("worker-a", "older-a"), audience.userNames());
    }

    @Test
    void anAudienceWithoutIdsIsWrittenAsBeforeIdsSoItsRecipientIdIsUnchanged() { // recipientId() hashes json()
        StaffAudience byName = StaffAudience.named(List.of("worker-a"));
        assertFalse(byName.json().contains("staffIds"), byName.json());
        String before = "{\"roles\":[],\"userNames\":[\"worker-a\"],\"exceptStaffId\":null,\"otherwiseRoles\":[]}";
        assertEquals(byName, StaffAudience.parse(before), "a row queued before ids reads as it was");
        StaffAudience byId = StaffAudience.facilitators(List.of("id-1"), List.of());
        assertEquals(byId, StaffAudience.parse(byId.json()));
    }
}
