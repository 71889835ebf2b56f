package fi.ikkuna.persistence;

import java.sql.SQLException;

/** Recognises a unique-constraint violation, whichever engine raised it. */
public final class Duplicate {
    private Duplicate() {
    }

    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // 23000 (MariaDB) / 23505 (H2, standard) integrity violations; 1062 MariaDB duplicate key.
                if ("23505".equals(sql.getSQLState()) || sql.getErrorCode() == 1062) {
                    return true;
                }
            }
        }
        return false;
    }
}
