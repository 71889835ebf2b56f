package fi.ikkuna.form;

import fi.ikkuna.support.Backend;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class FormMariaDbTest extends FormContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
