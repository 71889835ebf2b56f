package fi.ikkuna.proxy;

/**
 * What is known of a resident's right to act for the person they name. Today only {@link #DECLARED}: the resident said
 * so and nothing checked it. A register check (e.g. Suomi.fi mandates, or the population register's guardianship)
 * would add {@code VERIFIED} and a refusal; the console already shows the status it is given.
 */
public enum Mandate {
    /** declared by the resident, not verified ("ilmoitettu, ei tarkistettu") */
    DECLARED("declared");

    private final String wire;

    Mandate(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
