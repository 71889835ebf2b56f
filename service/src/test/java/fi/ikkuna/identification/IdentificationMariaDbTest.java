package fi.ikkuna.identification;

import fi.ikkuna.support.Backend;

class IdentificationMariaDbTest extends IdentificationContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
