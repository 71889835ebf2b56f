package fi.ikkuna.appointment;

import fi.ikkuna.support.Backend;

class AppointmentH2Test extends AppointmentContract {
    @Override
    protected Backend backend() {
        return Backend.h2();
    }
}
