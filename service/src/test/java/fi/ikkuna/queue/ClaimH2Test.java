package fi.ikkuna.queue;

import fi.ikkuna.support.Backend;

class ClaimH2Test extends ClaimContract {
    @Override
    protected Backend backend() {
        return Backend.h2();
    }
}
