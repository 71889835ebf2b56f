package fi.ikkuna.proxy;

/**
 * The one place that decides what a proxy declaration's mandate is. Called inside the declaring transaction, after the
 * input checks; its answer is stored with the declaration and shown to the professional as it was at the time.
 */
public interface MandateCheck {
    /**
     * @param residentLevel the conversation's identification level ({@code anonymous}, {@code substantial}, {@code high})
     */
    Mandate check(Relation relation, Represented person, String residentLevel);
}
