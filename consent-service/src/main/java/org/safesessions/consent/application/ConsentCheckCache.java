package org.safesessions.consent.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What the consent check read about a young person, kept in memory so the hot path of booking (SPEC §10) does not
 * go to the database for the same answer again, and forgotten the moment it may have changed.
 *
 * <p>Every replica hears every change from PostgreSQL itself: triggers on the tables the check reads (V42) send the
 * young person's id on the channel {@code consent_check_inputs} when the changing transaction commits, whoever made
 * it (another replica, a scheduled pass, a fix by hand), and a listener connection here drops the entry. A change
 * this replica commits is also dropped at once after its commit ({@link #changesOnCommit}), without waiting for the
 * notice, so a coordinator who withdraws a consent and checks again sees the withdrawal.
 *
 * <p>Nothing is served from memory unless the listener is connected and listening: until then, after it drops (the
 * database restarting, a network cut) and until it is back, every check reads the database, and reconnecting forgets
 * everything, since notices sent meanwhile are lost. A read that raced a change is not kept: each load notes the
 * generation (one count of every change heard) before it reads, and takes its entry back if a change came in
 * meanwhile.
 */
@ApplicationScoped
public class ConsentCheckCache {

    static final String CHANNEL = "consent_check_inputs";
    private static final Logger LOG = Logger.getLogger(ConsentCheckCache.class);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ConsentSettings settings;

    private Cache<UUID, ConsentCheckInputs> entries;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    void start(@Observes StartupEvent started) {
        // maintenance on the calling thread: no pool thread of its own
        long size = settings.checkCache().size();
        entries = Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
        if (size <= 0) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "consent-check-notices");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        listening = false;
        closeQuietly(connection);
        if (listener != null) {
            listener.interrupt();
        }
    }

    /**
     * The young person's inputs: from memory when they are known and may be trusted, else from {@code load} (which
     * answers null when there is no such young person).
     */
    public ConsentCheckInputs inputs(UUID youngPersonId, Function<UUID, ConsentCheckInputs> load) {
        if (!listening) {
            return load.apply(youngPersonId);
        }
        ConsentCheckInputs known = entries.getIfPresent(youngPersonId);
        if (known != null) {
            return known;
        }
        long before = generation.get();
        ConsentCheckInputs loaded = load.apply(youngPersonId);
        if (loaded == null) {
            return null; // no such young person: nothing to keep (their registration is a change like any other)
        }
        entries.put(youngPersonId, loaded);
        // a change heard since the read began may not be in what was read: do not keep it
        if (generation.get() != before || !listening) {
            entries.asMap().remove(youngPersonId, loaded);
        }
        return loaded;
    }

    /** Forgets the young person's inputs once the current transaction commits (a change made by this replica). */
    public void changesOnCommit(UUID youngPersonId) {
        transactions.registerInterposedSynchronization(new AfterCommit(() -> changed(youngPersonId)));
    }

    /** Forgets everything once the current transaction commits (e.g. an organisation's settings changed). */
    public void everythingChangesOnCommit() {
        transactions.registerInterposedSynchronization(new AfterCommit(this::forgetEverything));
    }

    /** Forgets the young person's inputs now (a change heard, or made without a transaction). */
    public void changed(UUID youngPersonId) {
        generation.incrementAndGet();
        entries.invalidate(youngPersonId);
    }

    void forgetEverything() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    /** True while notices are heard, i.e. while answers may come from memory. */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        long backoff = 500;
        boolean warned = false;
        while (running) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement listen = c.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                PGConnection notices = c.unwrap(PGConnection.class);
                forgetEverything(); // what was known before may have changed unheard
                listening = true;
                backoff = 500;
                if (warned) {
                    LOG.info("consent check: hearing changes again; answers may come from memory");
                    warned = false;
                }
                while (running) {
                    PGNotification[] heard = notices.getNotifications(1_000);
                    if (heard != null) {
                        for (PGNotification notice : heard) {
                            hear(notice.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                forgetEverything();
                if (running && !warned) {
                    LOG.warnf("consent check: not hearing changes (%s); every check reads the database until they are heard again",
                            e.getClass().getSimpleName());
                    warned = true;
                }
            } finally {
                listening = false;
                connection = null;
            }
            if (running) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void hear(String payload) {
        if ("*".equals(payload)) {
            forgetEverything();
            return;
        }
        try {
            changed(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            forgetEverything(); // not ours to read: forget everything rather than miss a change
        }
    }

    /** A connection of its own, outside the pool: it listens for as long as the service runs. */
    private Connection connect() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", username);
        credentials.setProperty("password", password);
        credentials.setProperty("ApplicationName", "consent-check-notices");
        Connection c = new Driver().connect(url, credentials);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: quarkus.datasource.jdbc.url");
        }
        return c;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    private record AfterCommit(Runnable action) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                action.run();
            }
        }
    }
}
