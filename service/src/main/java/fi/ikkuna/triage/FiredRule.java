package fi.ikkuna.triage;

import java.util.Locale;

/**
 * One reason of a triage decision by name: a rule that fired, or the statistical second opinion. Stored with the
 * conversation's triage ({@code triage_json.fired}) so that insights and retention read rule ids from data instead
 * of from the English explanation lines (docs/triage.md, "Stored triage").
 *
 * @param rule   rule id; {@code second-opinion} for the statistical second opinion
 * @param kind   what sort of reason it is
 * @param source "rules/safety.yaml:12" where the rule is written; null for the second opinion, which is a model
 */
public record FiredRule(String rule, Kind kind, String source) {

    /** The sorts of fired rule, as written in the stored triage. */
    public enum Kind {
        /** A safety rule: the contact is an emergency and the resident sees its instruction. */
        SAFETY,
        /** Any other rule of the rule files: it set urgency, service or queue (or lost to a higher priority). */
        ROUTING,
        /** The statistical second opinion added an emergency no rule words. */
        SECOND_OPINION;

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The kind of a stored wire name; null for a name this version does not know. */
        public static Kind ofWire(String wire) {
            for (Kind k : values()) {
                if (k.wire().equals(wire)) {
                    return k;
                }
            }
            return null;
        }
    }
}
