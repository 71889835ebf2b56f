package fi.ikkuna.protocol;

import fi.ikkuna.support.Backend;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class BadInputMariaDbTest extends BadInputContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
