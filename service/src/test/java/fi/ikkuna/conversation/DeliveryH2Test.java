package fi.ikkuna.conversation;

import fi.ikkuna.support.Backend;

class DeliveryH2Test extends DeliveryContract {
    @Override
    protected Backend backend() {
        return Backend.h2();
    }
}
