package fi.ikkuna.proxy;

import fi.ikkuna.support.Backend;

class ProxyH2Test extends ProxyContract {
    @Override
    protected Backend backend() {
        return Backend.h2();
    }
}
