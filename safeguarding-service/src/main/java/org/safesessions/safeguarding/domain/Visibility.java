package org.safesessions.safeguarding.domain;

import jakarta.persistence.Query;
import org.safesessions.events.safeguarding.SubjectType;
import org.safesessions.kit.staff.StaffDirectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Reader#canSee}'s rule as a JPQL condition on {@code c} (a {@code Concern}), so that lists, overdue lists,
 * retention lists and their totals count exactly what a single read would show, never an allegation to its subject.
 */
public record Visibility(String condition, Map<String, Object> parameters) {

    public static Visibility of(Reader reader) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add("c.organisation = :vOrg");
        params.put("vOrg", reader.organisation());
        params.put("vStaff", SubjectType.STAFF_MEMBER);
        if (reader.userId() == null) {
            where.add("c.subjectType <> :vStaff");
        } else {
            // by id; rows from before ids were stored (no id) by the canonical user name
            where.add("(c.subjectType <> :vStaff or ((c.subjectStaffId is null or c.subjectStaffId <> :vMe)"
                    + " and (c.subjectStaffId is not null or c.subjectStaffUser is null or c.subjectStaffUser <> :vMyName)))");
            params.put("vMe", reader.userId());
            params.put("vMyName", reader.userName() == null ? "" : StaffDirectory.canonical(reader.userName()));
        }
        switch (reader.reach()) {
            case OWN_SUMMARY -> {
                where.add("c.raisedBy = :vRaisedBy");
                params.put("vRaisedBy", reader.userName());
            }
            case ALL_BUT_STAFF_ALLEGATIONS -> {
                Set<String> dsls = reader.organisationDsls().get();
                if (dsls.size() == 1) {
                    where.add("(c.subjectType <> :vStaff or c.subjectStaffId = :vSoleDsl)");
                    params.put("vSoleDsl", dsls.iterator().next());
                } else if (!dsls.isEmpty()) {
                    where.add("c.subjectType <> :vStaff");
                }
                // no DSL at all: the managers handle every allegation (except one about themselves, above)
            }
            case ALL -> {
            }
        }
        return new Visibility(String.join(" and ", where), params);
    }

    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
