package fi.ikkuna.proxy;

import java.time.LocalDate;
import java.time.Period;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.identification.Hetu;
import fi.ikkuna.identification.Refused;

/**
 * A {@code declare_proxy} frame's input once {@link #check} accepted it. Every refusal is a {@link Refused} with a
 * stable reason the widget translates; it never carries the name or the code.
 */
record Declaration(Relation relation, Represented person) {

    /**
     * The relation is one of {@link Relation}; the name is present, printable and at most {@code nameMaxLength}
     * characters; a code, if given, is a valid henkilötunnus of a real, past date; a child's code shows an age under
     * {@code majorityAge} on {@code today}.
     */
    static Declaration check(ObjectNode frame, ProxySettings settings, LocalDate today) {
        Relation relation = Relation.fromWire(text(frame, "relation"))
                .orElseThrow(() -> new Refused("relation_invalid", "not one of the relations"));
        String name = text(frame, "name");
        name = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new Refused("name_missing", "no name");
        }
        if (name.codePointCount(0, name.length()) > settings.nameMaxLength()) {
            throw new Refused("name_too_long", "over " + settings.nameMaxLength() + " characters");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new Refused("name_invalid", "control characters");
        }
        String code = text(frame, "nationalId");
        code = code == null || code.isBlank() ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (code != null) {
            LocalDate born = Hetu.birthDate(code).orElseThrow(() -> new Refused("hetu_invalid", "not a valid code"));
            if (born.isAfter(today)) {
                throw new Refused("hetu_invalid", "a birth date in the future");
            }
            if (relation == Relation.CHILD && Period.between(born, today).getYears() >= settings.majorityAge()) {
                throw new Refused("child_adult", "the code shows an adult");
            }
        }
        return new Declaration(relation, new Represented(name, code));
    }

    /** Naming a child by code says "I am this child's guardian": only someone strongly identified may say that. */
    void checkIdentified(String residentLevel) {
        if (relation == Relation.CHILD && person.nationalId() != null && (residentLevel == null || "anonymous".equals(residentLevel))) {
            throw new Refused("identification_required", "a child named by code needs a strongly identified guardian");
        }
    }

    private static String text(ObjectNode frame, String field) {
        JsonNode n = frame.get(field);
        return n == null || !n.isTextual() ? null : n.asText();
    }
}
