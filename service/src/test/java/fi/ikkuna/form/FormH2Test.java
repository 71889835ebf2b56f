package fi.ikkuna.form;

import fi.ikkuna.support.Backend;

class FormH2Test extends FormContract {
    @Override
    protected Backend backend() {
        return Backend.h2();
    }
}
