package org.safesessions.kit.work;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a {@link DueWork}: each pass claims due items in a transaction of its own, performs them outside it, and goes
 * round again while a full batch was due. Passes run one at a time ({@link CoalescingRunner}): a {@link #request()}
 * during a pass makes it go round once more, so work written just after a claim is picked up at once.
 * <p>
 * A <b>sequential</b> worker performs each claimed batch on the pass's thread ({@link DueWork#performAll}). A
 * <b>concurrent</b> worker runs up to {@code concurrency} items at once, each on a thread of its own, so one slow item
 * (an SMTP conversation) holds up one worker, not the rest. It holds at most twice that many (running or waiting for a
 * thread), and claims again once no more than {@code concurrency} are left in hand: while much is due, each claim
 * takes {@code concurrency} items or more, rather than one claim (a transaction and a query) per item as workers free
 * up one by one. Another replica still finds the rest due. A worker that finishes while more may be due asks for
 * another pass.
 * <p>
 * The owner wires the triggers: typically an {@code AFTER_SUCCESS} observer of the transaction that queued work, and
 * a {@code @Scheduled} tick for retries whose backoff has passed and for work left by a restart.
 */
public final class DueWorker<T> {

    private static final Logger LOG = Logger.getLogger(DueWorker.class);

    private final String name;
    private final DueWork<T> work;
    private final int batchSize;
    private final int concurrency;
    /** Items this worker holds, running or waiting for a thread: at most twice {@code concurrency}. */
    private final AtomicInteger inHand = new AtomicInteger();
    private final CoalescingRunner runner = new CoalescingRunner(this::pass);
    private volatile ExecutorService workers;
    private volatile boolean moreDue;

    private final boolean concurrentMode;
    private final InTransaction inTransaction;

    /** How a claim gets its own transaction: a new JTA transaction in a service, none in the kit's unit tests. */
    interface InTransaction {
        <R> R call(Supplier<R> work);
    }

    private static final InTransaction REQUIRING_NEW = new InTransaction() {
        @Override
        public <R> R call(Supplier<R> work) {
            return QuarkusTransaction.requiringNew().call(work::get);
        }
    };

    DueWorker(String name, DueWork<T> work, int batchSize, int concurrency, boolean concurrentMode,
              InTransaction inTransaction) {
        if (batchSize <= 0 || concurrency <= 0) {
            throw new IllegalArgumentException("batch size and concurrency must be positive");
        }
        this.name = name;
        this.work = work;
        this.batchSize = batchSize;
        this.concurrency = concurrency;
        this.concurrentMode = concurrentMode;
        this.inTransaction = inTransaction;
    }

    /** A worker that performs each claimed batch in turn on the pass's own thread. */
    public static <T> DueWorker<T> sequential(String name, DueWork<T> work, int batchSize) {
        return new DueWorker<>(name, work, batchSize, 1, false, REQUIRING_NEW);
    }

    /** A worker that performs up to {@code concurrency} items at once, each on a thread of its own. */
    public static <T> DueWorker<T> concurrent(String name, DueWork<T> work, int batchSize, int concurrency) {
        return new DueWorker<>(name, work, batchSize, concurrency, true, REQUIRING_NEW);
    }

    /** Asks for a pass: runs one on this thread unless a pass is running, which then goes round once more. */
    public void request() {
        runner.request();
    }

    /**
     * Runs a pass now on this thread (also while another is running: claims never overlap, see {@link DueRows}).
     *
     * @return how many items this pass claimed (a concurrent worker may still be performing them)
     */
    public int pass() {
        try {
            return concurrentMode ? concurrentPass() : sequentialPass();
        } catch (RuntimeException e) {
            // e.g. the database away: the items stay due, and the next trigger tries again
            LOG.warnf("%s: pass failed (%s)", name, e.getClass().getSimpleName());
            return 0;
        }
    }

    private int sequentialPass() {
        int total = 0;
        while (true) {
            List<T> claimed = inTransaction.call(() -> work.claim(batchSize));
            if (claimed.isEmpty()) {
                return total;
            }
            total += claimed.size();
            try {
                work.performAll(claimed);
            } catch (RuntimeException e) {
                LOG.warnf("%s: could not finish a batch of %d (%s); its lease runs out and it is due again", name,
                        claimed.size(), e.getClass().getSimpleName());
                return total;
            }
            if (claimed.size() < batchSize) {
                return total;
            }
        }
    }

    private int concurrentPass() {
        int total = 0;
        while (true) {
            int held = inHand.get();
            if (held > concurrency) {
                moreDue = true; // enough in hand: a worker that brings it down to concurrency asks for another pass
                return total;
            }
            int wanted = Math.min(2 * concurrency - held, batchSize);
            List<T> claimed = inTransaction.call(() -> work.claim(wanted));
            moreDue = claimed.size() == wanted;
            for (T item : claimed) {
                inHand.incrementAndGet();
                workers().execute(() -> {
                    try {
                        work.perform(item);
                    } catch (RuntimeException e) {
                        LOG.warnf("%s: could not finish an item (%s); its lease runs out and it is due again", name,
                                e.getClass().getSimpleName());
                    } finally {
                        if (inHand.decrementAndGet() <= concurrency && moreDue) {
                            runner.request();
                        }
                    }
                });
            }
            total += claimed.size();
            if (!moreDue) {
                return total;
            }
        }
    }

    private ExecutorService workers() {
        if (workers == null) {
            synchronized (this) {
                if (workers == null) {
                    workers = Executors.newFixedThreadPool(concurrency, r -> {
                        Thread t = new Thread(r, name + "-worker");
                        t.setDaemon(true);
                        return t;
                    });
                }
            }
        }
        return workers;
    }

    /** Stops the worker threads of a concurrent worker (on shutdown); items in hand finish or their lease runs out. */
    public void stop() {
        if (workers != null) {
            workers.shutdown();
        }
    }
}
