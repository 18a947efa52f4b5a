package org.safesessions.kit.work;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a background pass (relay the outbox, dispatch messages) one at a time, without losing a request that
 * arrives while a pass is running: that request makes the running pass go round once more. So work written just
 * after a pass picked its batch is handled at once, not at the next scheduled tick.
 */
public final class CoalescingRunner {

    private final Runnable pass;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();

    public CoalescingRunner(Runnable pass) {
        this.pass = pass;
    }

    /** Asks for a pass; runs it on this thread unless one is running, which then repeats. */
    public void request() {
        requested.set(true);
        while (requested.get() && running.tryLock()) {
            try {
                while (requested.getAndSet(false)) {
                    pass.run();
                }
            } finally {
                running.unlock();
            }
        }
    }
}
