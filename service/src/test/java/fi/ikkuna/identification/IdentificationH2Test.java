package fi.ikkuna.identification;

import fi.ikkuna.support.Backend;

class IdentificationH2Test extends IdentificationContract {
    @Override
    protected Backend backend() {
        return Backend.h2();
    }
}
