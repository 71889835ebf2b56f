package fi.ikkuna.insights;

import fi.ikkuna.support.Backend;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class InsightsMariaDbTest extends InsightsContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
