package fi.ikkuna.cluster;

/** Asked at the start of each round of a scheduled job: true when this node is the one to run it now. */
@FunctionalInterface
public interface OncePerCluster {
    boolean mayRun();
}
