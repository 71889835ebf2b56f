package fi.ikkuna.queue;

import fi.ikkuna.support.Backend;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class ClaimMariaDbTest extends ClaimContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
