package fi.ikkuna.cluster;

import fi.ikkuna.support.Backend;

class SessionSharingH2Test extends SessionSharingContract {
    @Override
    protected Backend backend() {
        return Backend.h2();
    }
}
