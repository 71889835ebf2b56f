package fi.ikkuna.datarights;

import fi.ikkuna.support.Backend;

class DataRightsH2Test extends DataRightsContract {
    @Override
    protected Backend backend() {
        return Backend.h2();
    }
}
