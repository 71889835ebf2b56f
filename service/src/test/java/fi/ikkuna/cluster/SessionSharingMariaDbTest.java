package fi.ikkuna.cluster;

import fi.ikkuna.support.Backend;

class SessionSharingMariaDbTest extends SessionSharingContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
