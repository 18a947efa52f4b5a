package org.safesessions.kit.work;

import java.util.List;

/**
 * Work kept as rows that fall due: an outbox event to relay, a message to send, a webhook to push, a Zoom meeting
 * to bring in line. A {@link DueWorker} runs it the same way in every service:
 * <ol>
 * <li>{@link #claim} in a short transaction of its own: select the due rows {@code FOR UPDATE SKIP LOCKED} (see
 * {@link DueRows}), so replicas never take the same row, and lease them (push their due time past the work's
 * longest run), so a claim outlives the transaction and a crashed worker's rows fall due again;</li>
 * <li>{@link #perform} outside any transaction: the slow part (Kafka, SMTP, an HTTP call) holds no database lock;</li>
 * <li>the work records its outcome in a transaction of its own: done, or due again after a {@link Backoff}.</li>
 * </ol>
 *
 * @param <T> what a claim hands to {@link #perform}: usually the row's id, or a snapshot read in the claim
 */
public interface DueWork<T> {

    /** Claims up to {@code limit} due items. Runs in a new transaction the worker opens and commits. */
    List<T> claim(int limit);

    /** Does one claimed item's work and records its outcome. Runs outside any transaction. */
    void perform(T item);

    /**
     * Does a claimed batch's work; by default one item after another. A sequential worker calls this with the
     * whole batch, so work that is cheaper per batch (sending every event, then awaiting every acknowledgement)
     * can override it; a concurrent worker calls {@link #perform} per item instead.
     */
    default void performAll(List<T> claimed) {
        claimed.forEach(this::perform);
    }
}
