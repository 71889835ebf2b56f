package fi.ikkuna.conversation;

import fi.ikkuna.support.Backend;

class DeliveryMariaDbTest extends DeliveryContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
