package fi.ikkuna.identification;

import fi.ikkuna.support.Backend;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class IdentificationMariaDbTest extends IdentificationContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
