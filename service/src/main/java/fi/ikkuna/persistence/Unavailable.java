package fi.ikkuna.persistence;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a database that cannot be reached or does not answer (the pool's wait for a connection ran out, the
 * connection broke or went silent), whichever engine or layer raised it. Such a failure says nothing about the
 * request: the client may send the same thing again once the database is back (issue 13.8).
 */
public final class Unavailable {
    private Unavailable() {
    }

    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof SocketTimeoutException) {
                return true;
            }
            // SQL state class 08: connection exception (MariaDB's connector and H2 both use it for a lost connection).
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The exception classes of the chain, for the log: messages can quote SQL and its parameters (residents' text). */
    public static String summary(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
            b.append(b.isEmpty() ? "" : " <- ").append(t.getClass().getName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                b.append('[').append(sql.getSQLState()).append(']');
            }
        }
        return b.toString();
    }
}
