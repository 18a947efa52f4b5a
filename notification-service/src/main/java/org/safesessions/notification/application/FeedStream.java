package org.safesessions.notification.application;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One open stream of a member of staff's feed: sends their messages placed after the last one it sent, in order, each
 * once. Whenever it is woken (a message shown, a keep-alive due) it reads what follows that place from the database,
 * one pass at a time: a wake-up during a pass makes another pass. Because a recipient's places commit in order
 * ({@code FeedPositions}), a read never skips a place that commits later, and the place it starts from is read after
 * the stream is registered for wake-ups, so a message shown in between is neither lost nor sent twice.
 */
final class FeedStream {

    private static final Logger LOG = Logger.getLogger(FeedStream.class);

    /** Messages read per pass; a full pass makes another. */
    static final int BATCH = 200;

    /** Reads a recipient's messages placed after a place, in order, at most {@link #BATCH}. */
    interface Source {
        List<FeedMessage> after(long position);
    }

    private final String organisation;
    private final String owner;
    private final LongSupplier start;
    private final Source source;
    private final MultiEmitter<? super FeedEvent> emitter;
    private final AtomicInteger wanted = new AtomicInteger();
    private volatile boolean keepAliveDue;
    /** The last place sent; -1 until the first pass has read where to start. Touched only by the running pass. */
    private long position = -1;

    FeedStream(String organisation, String owner, LongSupplier start, Source source,
               MultiEmitter<? super FeedEvent> emitter) {
        this.organisation = organisation;
        this.owner = owner;
        this.start = start;
        this.source = source;
        this.emitter = emitter;
    }

    String organisation() {
        return organisation;
    }

    String owner() {
        return owner;
    }

    /** Something may have been shown: make a pass (now, or after the running one). */
    void wake() {
        if (wanted.getAndIncrement() == 0) {
            Infrastructure.getDefaultWorkerPool().execute(this::passes);
        }
    }

    /** The keep-alive is due: sent after the next pass's messages. */
    void keepAlive() {
        keepAliveDue = true;
        wake();
    }

    private void passes() {
        int missed = 1;
        do {
            if (emitter.isCancelled()) {
                return;
            }
            try {
                if (position < 0) {
                    position = start.getAsLong();
                }
                List<FeedMessage> next = source.after(position);
                for (FeedMessage message : next) {
                    emitter.emit(new FeedEvent.Item(message));
                    position = message.position();
                }
                if (next.size() == BATCH) {
                    wanted.incrementAndGet(); // more to read
                }
            } catch (RuntimeException e) {
                // the database is away: the next wake-up (at the latest the keep-alive) reads from the same place
                LOG.warnf("feed stream: could not read (%s)", e.getClass().getSimpleName());
            }
            if (keepAliveDue) {
                keepAliveDue = false;
                emitter.emit(FeedEvent.KEEP_ALIVE);
            }
            missed = wanted.addAndGet(-missed);
        } while (missed != 0);
    }
}
