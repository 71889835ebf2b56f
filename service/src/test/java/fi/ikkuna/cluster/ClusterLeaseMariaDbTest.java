package fi.ikkuna.cluster;

import org.junit.jupiter.api.Tag;
import fi.ikkuna.support.Backend;

@Tag("mariadb")
class ClusterLeaseMariaDbTest extends ClusterLeaseContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
