package fi.ikkuna.triage.rules;

import fi.ikkuna.triage.Channel;
import fi.ikkuna.triage.Contact;
import fi.ikkuna.triage.Urgency;
import org.apache.lucene.search.Query;

import java.util.Map;
import java.util.Set;

/**
 * One compiled rule from rules/*.yaml.
 *
 * @param queries     Lucene query per language; a language without a query never matches, unless the rule has
 *                    no queries at all (then only the structured conditions count)
 * @param urgency     urgency the rule sets, or null
 * @param service     service the rule sets, or null
 * @param queue       queue the rule sets, or null (then the service's default queue)
 * @param instruction instruction shown to the resident by language (safety rules)
 * @param source      "rules/safety.yaml:12", for explanations
 */
public record Rule(String id, boolean safety, String description, Map<String, Query> queries, Set<Channel> channels,
                   Integer ageMin, Integer ageMax, Set<String> formTypes, Urgency urgency, String service, String queue,
                   Map<String, String> instruction, int priority, String source) {

    /** The structured conditions; the query is checked by {@link RuleMatcher}. */
    public boolean conditionsHold(Contact c) {
        if (!channels.isEmpty() && !channels.contains(c.channel())) {
            return false;
        }
        if ((ageMin != null || ageMax != null) && c.age() == null) {
            return false;
        }
        if (ageMin != null && c.age() < ageMin || ageMax != null && c.age() > ageMax) {
            return false;
        }
        return formTypes.isEmpty() || c.formType() != null && formTypes.contains(c.formType());
    }

    public boolean textFree() {
        return queries.isEmpty();
    }

    public String instructionFor(String language) {
        return instruction.getOrDefault(language, instruction.getOrDefault("fi", ""));
    }
}
