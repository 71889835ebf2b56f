package fi.ikkuna.insights;

import fi.ikkuna.support.Backend;

class InsightsMariaDbTest extends InsightsContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
