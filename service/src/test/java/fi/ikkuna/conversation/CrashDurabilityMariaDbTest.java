package fi.ikkuna.conversation;

import fi.ikkuna.support.Backend;
import org.junit.jupiter.api.Tag;

/** The crash test on the real MariaDB server. */
@Tag("mariadb")
class CrashDurabilityMariaDbTest extends CrashDurabilityContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
