package fi.ikkuna.protocol;

import fi.ikkuna.support.Backend;

class BadInputH2Test extends BadInputContract {
    @Override
    protected Backend backend() {
        return Backend.h2();
    }
}
