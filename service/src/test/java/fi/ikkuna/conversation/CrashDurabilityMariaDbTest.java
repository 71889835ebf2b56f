package fi.ikkuna.conversation;

import fi.ikkuna.support.Backend;

/** The crash test on the real MariaDB server. */
class CrashDurabilityMariaDbTest extends CrashDurabilityContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
