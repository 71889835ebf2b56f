package fi.ikkuna.conversation;

import fi.ikkuna.support.Backend;

class EffectsH2Test extends EffectsContract {
    @Override
    protected Backend backend() {
        return Backend.h2();
    }
}
