package fi.ikkuna.retention;

import fi.ikkuna.support.Backend;

class RetentionH2Test extends RetentionContract {
    @Override
    protected Backend backend() {
        return Backend.h2();
    }
}
