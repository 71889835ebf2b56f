package fi.ikkuna.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.triage.RuleLoadException;
import fi.ikkuna.web.Json;

/**
 * Why a rule file does not load, as a code with values the workbench translates (fi/sv/en): the loader's reason
 * is English and starts with the file name, and a YAML error carries the parser's own wording, none of which a
 * rules editor should have to read. The reason shapes are the loader's (triage/load, RuleSetLoader); one this
 * table does not know yet becomes {@code invalid}, still with file and line. {@code message} keeps the original
 * for logs and API users.
 */
public final class RuleProblem {
    private record Shape(String code, Pattern pattern, List<String> params) {
    }

    private static final List<Shape> SHAPES = List.of(
            shape("yaml_tab", "^YAML syntax: .*\\(TAB\\).*"),
            shape("yaml_indent", "^YAML syntax: .*mapping values are not allowed.*"),
            shape("yaml_quote", "^YAML syntax: .*quoted scalar.*"),
            shape("yaml_syntax", "^YAML syntax: .*"),
            shape("duplicate_key", "^duplicate key '([^']*)'", "key"),
            shape("unknown_key", "^unknown key '([^']*)' \\(allowed: (.*)\\)", "key", "allowed"),
            shape("missing_key", "^missing required key '([^']*)'", "key"),
            shape("unknown_value", "^unknown (language|channel|urgency|service|queue|weekday|analysis variant) '([^']*)'"
                    + "(?: \\((?:allowed: )?(.*)\\))?", "kind", "value", "allowed"),
            shape("expected_list", "^expected a list"),
            shape("expected_mapping", "^expected a mapping"),
            shape("expected_scalar", "^expected a scalar value"),
            shape("expected_number", "^expected (?:a number|an integer), got '([^']*)'", "value"),
            shape("expected_boolean", "^expected true or false, got '([^']*)'", "value"),
            shape("duplicate_id", "^duplicate (?:FAQ |case |queue )?id '([^']*)'(?: \\(first at (.*)\\))?", "id", "first"),
            shape("missing_translation", "^queue '([^']*)' needs a name in (fi|sv|en)", "id", "lang"),
            shape("missing_translation", "^(second_opinion) instruction needs (fi|sv|en)", "id", "lang"),
            shape("missing_translation", "^canned reply (\\S+) has no (fi|sv|en) text", "id", "lang"),
            shape("rule_fires_always", "^rule '([^']*)' has neither match nor when", "id"),
            shape("rule_sets_nothing", "^routing rule '([^']*)' sets none", "id"),
            shape("safety_rule_incomplete", "^safety rule '([^']*)' needs", "id"),
            shape("too_many_patterns", "^the rule set has more than (\\d+) wildcard", "max"),
            shape("too_many_clauses", "^the rule set has more than (\\d+) query clauses", "max"),
            shape("bad_query", "^bad (fi|sv|en) query", "lang"),
            shape("bad_format", "^(\\S+)(?: id)? must be .*?(?:, got '([^']*)')?$", "key", "value"),
            shape("no_queues", "^queues.yaml defines no queues"),
            shape("no_outcomes", "^at least one outcome code is required"),
            shape("unknown_queue_reference", "^canned reply (\\S+) names unknown queue (\\S+)", "id", "value"));

    private RuleProblem() {
    }

    private static Shape shape(String code, String regex, String... params) {
        return new Shape(code, Pattern.compile(regex, Pattern.DOTALL), List.of(params));
    }

    /** {@code {file, line, code, params, message}} for one load failure. */
    public static ObjectNode of(RuleLoadException e) {
        String reason = reason(e.getMessage());
        ObjectNode o = Json.object().put("file", WorkbenchService.relative(e.file())).put("line", e.line());
        Map<String, String> params = new LinkedHashMap<>();
        String code = "invalid";
        for (Shape s : SHAPES) {
            Matcher m = s.pattern().matcher(reason);
            if (m.find()) {
                code = s.code();
                for (int i = 0; i < s.params().size() && i < m.groupCount(); i++) {
                    if (m.group(i + 1) != null) {
                        params.put(s.params().get(i), m.group(i + 1));
                    }
                }
                break;
            }
        }
        o.put("code", code);
        o.set("params", Json.MAPPER.valueToTree(params));
        return o.put("message", e.getMessage());
    }

    /** The loader writes "name.yaml:12: reason"; the file and line travel as their own fields. */
    static String reason(String message) {
        return message == null ? "" : message.replaceFirst("^[^:]*:\\d+: ", "");
    }
}
