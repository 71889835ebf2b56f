package fi.ikkuna.proxy;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whom a resident says they contact for. Only {@link #CHILD} has a rule of its own: a child's identity code must show
 * an age under the age of majority, and naming a child by code needs the guardian to be strongly identified.
 */
public enum Relation {
    CHILD("child"),
    /** a parent or another relative the resident cares for */
    CARED_FOR("cared_for"),
    /** a client the resident assists (e.g. a personal assistant or a social worker) */
    CLIENT("client"),
    OTHER("other");

    private final String wire;

    Relation(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static Optional<Relation> fromWire(String wire) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(wire)).findFirst();
    }
}
