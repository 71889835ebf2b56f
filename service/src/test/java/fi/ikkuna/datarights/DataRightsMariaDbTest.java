package fi.ikkuna.datarights;

import fi.ikkuna.support.Backend;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class DataRightsMariaDbTest extends DataRightsContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
