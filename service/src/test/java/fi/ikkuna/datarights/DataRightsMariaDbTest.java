package fi.ikkuna.datarights;

import fi.ikkuna.support.Backend;

class DataRightsMariaDbTest extends DataRightsContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
