package fi.ikkuna.protocol;

import fi.ikkuna.support.Backend;

class BadInputMariaDbTest extends BadInputContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
