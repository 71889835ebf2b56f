package fi.ikkuna.appointment;

import fi.ikkuna.support.Backend;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class AppointmentMariaDbTest extends AppointmentContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
