package fi.ikkuna.conversation;

import fi.ikkuna.support.Backend;
import org.junit.jupiter.api.Tag;

@Tag("mariadb")
class EffectsMariaDbTest extends EffectsContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
