package fi.ikkuna.appointment;

import fi.ikkuna.support.Backend;

class AppointmentMariaDbTest extends AppointmentContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
