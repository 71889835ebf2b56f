package fi.ikkuna.form;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.web.Json;

/** Form definitions in one language, as a plain-JS renderer needs them (relative date limits resolved to today). */
final class FormJson {
    private FormJson() {
    }

    static ObjectNode summary(FormDefinition f, String lang) {
        ObjectNode o = Json.object().put("id", f.id()).put("formType", f.formType()).put("title", f.title().in(lang));
        o.put("intro", f.intro() == null ? null : f.intro().in(lang));
        return o;
    }

    static ObjectNode definition(FormDefinition f, String lang, LocalDate today) {
        ObjectNode o = summary(f, lang).put("language", lang);
        ArrayNode fields = o.putArray("fields");
        for (FieldDefinition d : f.fields()) {
            ObjectNode n = fields.addObject().put("name", d.name()).put("type", d.type().wire()).put("required", d.required())
                    .put("label", d.label().in(lang));
            n.put("help", d.help() == null ? null : d.help().in(lang));
            switch (d.type()) {
                case TEXT -> {
                    n.put("maxLength", d.maxLength()).put("multiline", d.multiline());
                    n.put("pattern", d.pattern() == null ? null : d.pattern().pattern());
                }
                case CHOICE -> {
                    ArrayNode choices = n.putArray("choices");
                    d.choices().forEach(c -> choices.addObject().put("value", c.value()).put("label", c.label().in(lang)));
                }
                case DATE -> {
                    n.put("min", d.min() == null ? null : d.min().resolve(today).toString());
                    n.put("max", d.max() == null ? null : d.max().resolve(today).toString());
                }
                default -> { }
            }
            // The same texts the server answers with, so the widget can check before sending without diverging.
            ObjectNode errors = n.putObject("errors");
            Map<String, String> params = Map.of("max", Integer.toString(d.maxLength()),
                    "min", d.min() == null ? "" : d.min().resolve(today).toString());
            for (String code : codes(d)) {
                Map<String, String> p = "date_too_late".equals(code) && d.max() != null
                        ? Map.of("max", d.max().resolve(today).toString()) : params;
                errors.put(code, FormMessages.text(d, code, lang, p));
            }
        }
        return o;
    }

    private static java.util.List<String> codes(FieldDefinition d) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        if (d.required()) {
            codes.add(d.type() == FieldType.CONSENT ? "consent_required" : "required");
        }
        switch (d.type()) {
            case TEXT -> {
                codes.add("too_long");
                if (d.pattern() != null) {
                    codes.add("pattern");
                }
            }
            case CHOICE -> codes.add("invalid_choice");
            case DATE -> {
                codes.add("invalid_date");
                if (d.min() != null) {
                    codes.add("date_too_early");
                }
                if (d.max() != null) {
                    codes.add("date_too_late");
                }
            }
            case PHONE -> codes.add("invalid_phone");
            case EMAIL -> codes.add("invalid_email");
            default -> { }
        }
        return codes;
    }
}
