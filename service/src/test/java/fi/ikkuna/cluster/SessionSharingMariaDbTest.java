package fi.ikkuna.cluster;

import org.junit.jupiter.api.Tag;
import fi.ikkuna.support.Backend;

@Tag("mariadb")
class SessionSharingMariaDbTest extends SessionSharingContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
