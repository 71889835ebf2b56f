package fi.ikkuna.cluster;

import fi.ikkuna.support.Backend;

class ClusterLeaseMariaDbTest extends ClusterLeaseContract {
    @Override
    protected Backend backend() {
        return Backend.mariadb();
    }
}
