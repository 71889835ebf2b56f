package fi.ikkuna.persistence;

import java.sql.SQLException;

/** Recognises database failures that a retry of the whole transaction can cure (deadlocks, lock timeouts). */
final class Transient {
    private Transient() {
    }

    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                int code = sql.getErrorCode();
                // 40001 serialization failure / deadlock; MariaDB 1213 deadlock, 1205 lock wait timeout; H2 40001, 50200.
                if ("40001".equals(state) || code == 1213 || code == 1205 || code == 50200) {
                    return true;
                }
            }
        }
        return false;
    }
}
