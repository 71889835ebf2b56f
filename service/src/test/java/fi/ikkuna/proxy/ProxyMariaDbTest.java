package fi.ikkuna.proxy;

import fi.ikkuna.support.Backend;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class ProxyMariaDbTest extends ProxyContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
