package fi.ikkuna.form;

import fi.ikkuna.support.Backend;

class FormMariaDbTest extends FormContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
