package fi.ikkuna.datarights;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The same data as the JSON export as one printable page, in the resident's language. Every stored value goes through
 * {@link #esc}: what a resident or a professional wrote stays text. The page carries its own policy (no script, no
 * fetch), because as a saved file it is opened without the service's headers.
 */
final class HtmlExport {
    private final ExportTexts t;
    private final DateTimeFormatter format;
    private final StringBuilder out = new StringBuilder(16 * 1024);

    private HtmlExport(String lang, ZoneId zone) {
        this.t = new ExportTexts(lang);
        this.format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(t.lang + "-FI")).withZone(zone);
    }

    static String render(JsonNode data, String lang, ZoneId zone) {
        return new HtmlExport(lang, zone).page(data);
    }

    private String page(JsonNode d) {
        out.append("<!doctype html>\n<html lang=\"").append(t.lang).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>").append(esc(t.get("mydata.htmlTitle"))).append("</title><style>")
                .append("body{font:1rem/1.5 system-ui,sans-serif;color:#1b1b1b;max-width:50rem;margin:1rem auto;padding:0 1rem}")
                .append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}")
                .append(".text{white-space:pre-wrap}.msg{margin:.5rem 0}@media print{.hint{display:none}}")
                .append("</style></head><body><h1>").append(esc(t.get("mydata.title"))).append("</h1>");
        p(t.get("mydata.generated", "time", time(d.path("generatedAt").asText())));
        p(t.get("mydata.level", "level", t.get("ident.levels." + d.path("identificationLevel").asText())));
        out.append("<p class=\"hint\">").append(esc(t.get("mydata.printHint"))).append("</p>");
        contacts(d.path("conversations"));
        bookings(d.path("bookings"));
        forms(d.path("forms"));
        access(d.path("accessLog"));
        return out.append("</body></html>\n").toString();
    }

    private void contacts(JsonNode conversations) {
        h2("mydata.contactsTitle");
        if (conversations.isEmpty()) {
            p(t.get("mydata.none"));
        }
        for (JsonNode c : conversations) {
            out.append("<section><h3>").append(esc(t.get("mydata.contact").replace("{channel}", t.label("channels", c.path("channel").asText()))
                    .replace("{time}", time(c.path("startedAt").asText())))).append("</h3>");
            for (JsonNode m : c.path("messages")) {
                String author = m.path("author").asText();
                String who = switch (author) {
                    case "resident" -> t.get("who.you");
                    case "bot" -> t.get("who.bot");
                    default -> m.path("authorName").isTextual() ? m.path("authorName").asText() : t.get("who.professional");
                };
                out.append("<div class=\"msg\"><p><strong>").append(esc(who)).append("</strong>, ").append(esc(time(m.path("at").asText())))
                        .append("</p><p class=\"text\" lang=\"").append(esc(c.path("language").asText())).append("\">")
                        .append(esc(m.path("text").asText())).append("</p></div>");
            }
            out.append("</section>");
        }
    }

    private void bookings(JsonNode bookings) {
        h2("mydata.bookingsTitle");
        table(bookings, new String[] {"time", "type", "code", "status"}, b -> new String[] {time(b.path("startAt").asText()),
                t.get("appt.types." + b.path("type").asText()), b.path("code").asText(), t.label("status", b.path("status").asText())});
    }

    private void forms(JsonNode forms) {
        h2("mydata.formsTitle");
        table(forms, new String[] {"submitted", "form", "reference"}, f -> new String[] {time(f.path("submittedAt").asText()),
                f.path("formId").asText(), f.path("reference").asText()});
    }

    private void access(JsonNode log) {
        h2("mydata.accessTitle");
        p(t.get("mydata.accessIntro", "years", log.path("years").asInt()));
        boolean names = log.path("namesShown").asBoolean();
        String[] cols = names ? new String[] {"when", "role", "jobTitle", "name", "action", "purpose"}
                : new String[] {"when", "role", "jobTitle", "action", "purpose"};
        table(log.path("entries"), cols, e -> {
            String[] base = {time(e.path("at").asText()), t.label("roles", e.path("role").asText(null)), e.path("title").asText(""),
                    t.label("actions", e.path("action").asText()), t.label("purposes", e.path("purpose").asText())};
            return names ? new String[] {base[0], base[1], base[2], e.path("name").asText(""), base[3], base[4]} : base;
        });
    }

    private void table(JsonNode rows, String[] columns, java.util.function.Function<JsonNode, String[]> cells) {
        if (rows.isEmpty()) {
            p(t.get("mydata.none"));
            return;
        }
        out.append("<table><thead><tr>");
        for (String c : columns) {
            out.append("<th scope=\"col\">").append(esc(t.get("mydata.col." + c))).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (JsonNode r : rows) {
            out.append("<tr>");
            for (String cell : cells.apply(r)) {
                out.append("<td>").append(esc(cell)).append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</tbody></table>");
    }

    private void h2(String key) {
        out.append("<h2>").append(esc(t.get(key))).append("</h2>");
    }

    private void p(String text) {
        out.append("<p>").append(esc(text)).append("</p>");
    }

    private String time(String iso) {
        return iso == null || iso.isEmpty() || "null".equals(iso) ? "" : format.format(Instant.parse(iso));
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
