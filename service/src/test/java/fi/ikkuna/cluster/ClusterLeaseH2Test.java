package fi.ikkuna.cluster;

import fi.ikkuna.support.Backend;

class ClusterLeaseH2Test extends ClusterLeaseContract {
    @Override
    protected Backend backend() {
        return Backend.h2();
    }
}
