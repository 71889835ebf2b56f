package fi.ikkuna.proxy;

import fi.ikkuna.support.Backend;

class ProxyMariaDbTest extends ProxyContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
