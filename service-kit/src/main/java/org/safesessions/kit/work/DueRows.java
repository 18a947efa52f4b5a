package org.safesessions.kit.work;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The claim query of {@link DueWork}: the ids of due rows, locked so that another replica's claim skips them. */
public final class DueRows {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private DueRows() {
    }

    /**
     * {@code select id from <table> where <due> order by <order> limit <limit> for update skip locked}, with
     * {@code ?1, ?2, …} in {@code due} bound to {@code parameters}. Call it inside the claim's transaction; the rows
     * stay locked until it commits, by which time the claim has leased them.
     */
    @SuppressWarnings("unchecked")
    public static List<UUID> claim(EntityManager em, String table, String due, String order, int limit,
                                   Object... parameters) {
        if (!NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        if (limit <= 0) {
            return List.of();
        }
        Query query = em.createNativeQuery("select id from " + table + " where " + due + " order by " + order
                + " limit " + limit + " for update skip locked", UUID.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }
}
