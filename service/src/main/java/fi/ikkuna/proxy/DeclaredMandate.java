package fi.ikkuna.proxy;

/**
 * The only mandate check there is today: no register is asked, so every declaration is "declared, not verified". The
 * professional sees exactly that and judges what to tell; nothing in the service treats a declaration as proof.
 */
public final class DeclaredMandate implements MandateCheck {
    @Override
    public Mandate check(Relation relation, Represented person, String residentLevel) {
        return Mandate.DECLARED;
    }
}
