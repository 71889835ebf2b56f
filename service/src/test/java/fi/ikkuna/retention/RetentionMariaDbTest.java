package fi.ikkuna.retention;

import fi.ikkuna.support.Backend;

class RetentionMariaDbTest extends RetentionContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
