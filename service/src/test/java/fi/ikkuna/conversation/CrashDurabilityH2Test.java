package fi.ikkuna.conversation;

import fi.ikkuna.support.Backend;

/** The crash test on the embedded default (H2 file database). */
class CrashDurabilityH2Test extends CrashDurabilityContract {
    @Override
    protected Backend backend() {
        return Backend.h2();
    }
}
