package fi.ikkuna.conversation;

import fi.ikkuna.support.Backend;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class DeliveryMariaDbTest extends DeliveryContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
