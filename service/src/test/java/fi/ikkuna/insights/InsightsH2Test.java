package fi.ikkuna.insights;

import fi.ikkuna.support.Backend;

class InsightsH2Test extends InsightsContract {
    @Override
    protected Backend backend() {
        return Backend.h2();
    }
}
