package fi.ikkuna.queue;

import fi.ikkuna.support.Backend;

class ClaimMariaDbTest extends ClaimContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
