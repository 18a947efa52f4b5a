package org.safesessions.kit.outage;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * Tells a passing failure (the database or a peer away for a while, a lock conflict) from a permanent one (bad
 * data, a bug). Passing failures are waited out and retried; nothing is dropped because of them.
 */
public final class Outage {

    private Outage() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof LockAcquisitionException
                    || t instanceof SQLTransientException || t instanceof ConnectException
                    || t instanceof LockTimeoutException || t instanceof PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && isPassingSqlState(sql)) {
                return true;
            }
        }
        return false;
    }

    /** A value PostgreSQL refused to store (SQLState class 22: out of range, invalid characters): bad input. */
    public static boolean isRejectedValue(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPassingSqlState(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // Agroal's pool timeout carries no SQLState
            return sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout");
        }
        return state.startsWith("08")           // connection exception
                || state.equals("40001")        // serialization failure
                || state.equals("40P01")        // deadlock detected
                || state.startsWith("57P");     // server shutting down / cannot connect now
    }
}
