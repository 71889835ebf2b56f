package fi.ikkuna.conversation;

import fi.ikkuna.support.Backend;

class EffectsMariaDbTest extends EffectsContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
