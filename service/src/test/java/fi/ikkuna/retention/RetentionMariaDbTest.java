package fi.ikkuna.retention;

import fi.ikkuna.support.Backend;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class RetentionMariaDbTest extends RetentionContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
