/**
 * The access log every service keeps of personal data (SPEC §3, §5): who read, listed, exported or changed which
 * record, when. One table, {@code access_log} (kit migration {@code V0_5}), append-only: a trigger refuses
 * UPDATE, DELETE and TRUNCATE.
 *
 * <p>Record where the data is read or changed, in the application layer:
 * <pre>{@code
 * accessLog.record(organisation, Access.read("CONCERN", concern.id).about(youngPersonId));     // the caller
 * accessLog.record(organisation, Access.change("SESSION", session.id).detail("CANCELLED"));
 * accessLog.record(organisation, Actor.service("session-service"), Access.change(...));       // a scheduled pass
 * }</pre>
 * {@link org.safesessions.kit.audit.AccessLog#record} joins the transaction of a change, or writes in its own for a
 * read, before the data is answered. The caller is named by Keycloak user id and canonical user name
 * ({@link org.safesessions.kit.audit.Actor}); {@code detail} names the kind of change and fields, never values.
 *
 * <p>Serve the query with {@link org.safesessions.kit.audit.AccessLogFilter} ({@code recordId, user, from, to}) and the
 * kit's {@code PageRequest} as {@code @BeanParam}s, {@link org.safesessions.kit.audit.AccessLog#query} with the
 * caller's organisation, and {@link org.safesessions.kit.audit.AccessLogView} per entry; newest first. A record id
 * also matches the entries about that person ({@code subjectId}).
 */
package org.safesessions.kit.audit;
