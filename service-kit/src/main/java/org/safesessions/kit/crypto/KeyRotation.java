package org.safesessions.kit.crypto;

import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safesessions.kit.time.Time;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Finishes a key rotation: re-seals, with the active key, every row of every {@link SealedColumn} still sealed with
 * an older one, so the older key can then be removed from configuration. Each batch is one transaction that takes
 * up to {@code safesessions.key-rotation.batch-size} rows on an old key ({@code for update skip locked}, so replicas
 * and a second run never take the same rows, and a row a request holds is left for the next run), opens each with
 * the key it names and its row's binding, seals it again and writes it back. A run pages through a table by its row
 * key, so a row that does not open (altered, or sealed with a key no longer configured) is counted and left, never
 * retried forever. Stopping is safe at any point: a batch commits whole or not at all, and the next run simply
 * finds the rows still on an old key. Nothing sealed is ever logged; a row is named by its table, column and key.
 */
@ApplicationScoped
public class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class);

    @Inject
    FieldCipher cipher;

    @Inject
    @All
    List<SealedColumn> columns;

    @Inject
    DataSource dataSource;

    @Inject
    Time time;

    @ConfigProperty(name = "safesessions.key-rotation.batch-size", defaultValue = "200")
    int batchSize;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "key-rotation");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Run> last = new AtomicReference<>();

    /** How many rows of a column are on each key, and how many of those on an old key cannot be re-sealed. */
    public record ColumnCount(String table, String column, Map<String, Long> rowsByKey, long rowsOnOldKeys,
                              long notResealable) {
    }

    /** What a run did so far (or in all): rows re-sealed, rows that did not open; {@code finishedAt} null while it runs. */
    public record Run(OffsetDateTime startedAt, OffsetDateTime finishedAt, long resealed, long unreadable,
                      boolean complete, String failure) {
        public boolean running() {
            return finishedAt == null;
        }
    }

    public List<SealedColumn> columns() {
        return columns;
    }

    public Optional<Run> lastRun() {
        return Optional.ofNullable(last.get());
    }

    /**
     * Starts a run on this replica's rotation thread unless one is running here; returns the run (new or running).
     */
    public synchronized Run start() {
        Run current = last.get();
        if (current != null && current.running()) {
            return current;
        }
        Run started = new Run(time.now(), null, 0, 0, false, null);
        last.set(started);
        runner.submit(() -> {
            try {
                Run done = run(batchSize, Integer.MAX_VALUE, started.startedAt());
                last.set(done);
            } catch (RuntimeException e) {
                LOG.warnf("key rotation stopped: %s; the next run continues", e.getClass().getSimpleName());
                Run so = last.get();
                last.set(new Run(started.startedAt(), time.now(), so.resealed(), so.unreadable(), false,
                        e.getClass().getSimpleName()));
            }
        });
        return started;
    }

    /** A whole run, on the calling thread: until no row on an old key is left that opens. */
    public Run run() {
        return run(batchSize, Integer.MAX_VALUE, time.now());
    }

    /**
     * At most {@code maxBatches} batches of {@code size} rows, on the calling thread: a run cut short, as by a
     * restart; {@code complete} says whether every column was gone through.
     */
    public Run run(int size, int maxBatches) {
        return run(size, maxBatches, time.now());
    }

    private Run run(int size, int maxBatches, OffsetDateTime startedAt) {
        if (columns.isEmpty()) {
            return new Run(startedAt, time.now(), 0, 0, true, null);
        }
        String active = cipher.activeKeyId();
        long resealed = 0;
        long unreadable = 0;
        int batches = 0;
        for (SealedColumn column : columns) {
            List<Object> after = null;
            while (true) {
                if (batches == maxBatches) {
                    return new Run(startedAt, time.now(), resealed, unreadable, false, null);
                }
                List<Object> from = after;
                Batch batch = QuarkusTransaction.requiringNew().call(() -> reseal(column, active, from, size));
                batches++;
                resealed += batch.resealed();
                unreadable += batch.unreadable();
                Run so = last.get();
                if (so != null && so.running() && so.startedAt().equals(startedAt)) {
                    last.set(new Run(startedAt, null, resealed, unreadable, false, null));
                }
                if (batch.rows() < size) {
                    break;
                }
                after = batch.lastKey();
            }
        }
        if (unreadable == 0) {
            LOG.infof("key rotation: %d rows re-sealed with key %s", resealed, active);
        } else {
            LOG.warnf("key rotation: %d rows re-sealed with key %s; %d did not open and were left as they are (a key "
                    + "not configured, or altered: GET /ops/key-rotation counts them per key; DEBUG names the rows)",
                    resealed, active, unreadable);
        }
        return new Run(startedAt, time.now(), resealed, unreadable, true, null);
    }

    private record Batch(int rows, int resealed, int unreadable, List<Object> lastKey) {
    }

    private Batch reseal(SealedColumn c, String active, List<Object> after, int size) throws SQLException {
        List<String> read = new ArrayList<>(c.rowKey());
        c.bindingColumns().stream().filter(b -> !read.contains(b)).forEach(read::add);
        String key = String.join(", ", c.rowKey());
        String sql = "select " + String.join(", ", read) + ", " + c.keyIdColumn() + ", " + c.cipherColumn()
                + " from " + c.table()
                + " where " + c.keyIdColumn() + " <> ? and " + c.cipherColumn() + " is not null"
                + (after == null ? "" : " and (" + key + ") > (" + placeholders(after.size()) + ")")
                + c.resealableWhen().map(w -> " and (" + w + ")").orElse("")
                + " order by " + key + " limit ? for update skip locked";
        String update = "update " + c.table() + " set " + c.keyIdColumn() + " = ?, " + c.cipherColumn() + " = ?"
                + " where (" + key + ") = (" + placeholders(c.rowKey().size()) + ") and " + c.keyIdColumn() + " = ?";
        int rows = 0;
        int resealed = 0;
        int unreadable = 0;
        List<Object> lastKey = after;
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement(sql);
             PreparedStatement write = db.prepareStatement(update)) {
            int p = 1;
            select.setString(p++, active);
            if (after != null) {
                for (Object v : after) {
                    select.setObject(p++, v);
                }
            }
            select.setInt(p, size);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String column : read) {
                        row.put(column, rs.getObject(column));
                    }
                    lastKey = c.rowKey().stream().map(row::get).toList();
                    Sealed old = new Sealed(rs.getString(c.keyIdColumn()), rs.getBytes(c.cipherColumn()));
                    String binding = c.binding().apply(row);
                    Sealed fresh;
                    try {
                        fresh = cipher.seal(cipher.open(old, binding), binding);
                    } catch (FieldCipher.TamperedCipherTextException | IllegalStateException e) {
                        unreadable++;
                        LOG.debugf("key rotation: a row of %s on key %s (%s) does not open (%s); left as it is",
                                c.name(), old.keyId(), lastKey, e.getClass().getSimpleName());
                        continue;
                    }
                    int q = 1;
                    write.setString(q++, fresh.keyId());
                    write.setBytes(q++, fresh.cipherText());
                    for (Object v : lastKey) {
                        write.setObject(q++, v);
                    }
                    write.setString(q, old.keyId());
                    resealed += write.executeUpdate();
                }
            }
        }
        return new Batch(rows, resealed, unreadable, lastKey);
    }

    /** Rows per key id, for every sealed column. */
    public List<ColumnCount> counts() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ColumnCount> all = new ArrayList<>();
            for (SealedColumn c : columns) {
                all.add(count(c));
            }
            return all;
        });
    }

    /** The rows of one column on keys other than the active one. */
    public long rowsOnOldKeys(SealedColumn c) {
        return QuarkusTransaction.requiringNew().call(() -> count(c).rowsOnOldKeys());
    }

    private ColumnCount count(SealedColumn c) throws SQLException {
        String active = cipher.activeKeyIdIfAny().orElse("");
        Map<String, Long> byKey = new TreeMap<>();
        long notResealable = 0;
        try (Connection db = dataSource.getConnection()) {
            try (PreparedStatement st = db.prepareStatement("select " + c.keyIdColumn() + ", count(*) from "
                    + c.table() + " where " + c.cipherColumn() + " is not null group by " + c.keyIdColumn());
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byKey.put(rs.getString(1), rs.getLong(2));
                }
            }
            if (c.resealableWhen().isPresent()) {
                try (PreparedStatement st = db.prepareStatement("select count(*) from " + c.table() + " where "
                        + c.cipherColumn() + " is not null and " + c.keyIdColumn() + " <> ? and not ("
                        + c.resealableWhen().get() + ")")) {
                    st.setString(1, active);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        notResealable = rs.getLong(1);
                    }
                }
            }
        }
        long onOld = byKey.entrySet().stream().filter(e -> !e.getKey().equals(active))
                .mapToLong(Map.Entry::getValue).sum();
        return new ColumnCount(c.table(), c.cipherColumn(), byKey, onOld, notResealable);
    }

    /**
     * Rows sealed with a key that is not configured cannot be opened: a warning at start (not a refusal, so a
     * service whose old key was removed too early still serves everything else), one per column and key id.
     */
    public List<String> keysNotConfigured() {
        List<String> warnings = new ArrayList<>();
        for (ColumnCount count : counts()) {
            Map<String, Long> missing = count.rowsByKey().entrySet().stream()
                    .filter(e -> !cipher.keyIds().contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
            missing.forEach((keyId, rows) -> warnings.add(rows + " rows of " + count.table() + "." + count.column()
                    + " are sealed with key '" + keyId + "', which is not configured (safesessions.crypto.keys): "
                    + "they cannot be opened until it is listed again"));
        }
        return warnings;
    }

    void onStart(@Observes StartupEvent start) {
        if (columns.isEmpty()) {
            return;
        }
        try {
            keysNotConfigured().forEach(LOG::warn);
        } catch (RuntimeException e) {
            LOG.warnf("sealed rows per key not checked at start: %s", e.getClass().getSimpleName());
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        runner.shutdownNow();
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
