package fi.ikkuna.widget;

import java.util.List;

/**
 * The two server-rendered pages: the demo county page embedding the widget with the real snippet, and the
 * widget's accessibility statement. Every text comes from the widget's i18n files and is HTML-escaped.
 */
final class WidgetPages {
    private static final List<String> STATEMENT = List.of(
            "h2:a11y.statusTitle", "p:a11y.status",
            "h2:a11y.limitsTitle", "li:a11y.limit1", "li:a11y.limit2", "li:a11y.limit3",
            "h2:a11y.testedTitle", "p:a11y.tested",
            "h2:a11y.featuresTitle", "li:a11y.feature1", "li:a11y.feature2", "li:a11y.feature3", "li:a11y.feature4",
            "h2:a11y.feedbackTitle", "p:a11y.feedback",
            "h2:a11y.authorityTitle", "p:a11y.authority",
            "p:a11y.updated");

    private final WidgetTexts texts;

    WidgetPages(WidgetTexts texts) {
        this.texts = texts;
    }

    String demo(String lang) {
        StringBuilder b = head(lang, "page.demoTitle");
        b.append("<main id=\"main\">\n<h1>").append(text(lang, "page.demoTitle")).append("</h1>\n");
        b.append("<p>").append(text(lang, "page.demoLead")).append("</p>\n");
        b.append("<h2>").append(text(lang, "page.demoHowTitle")).append("</h2>\n");
        b.append("<p>").append(text(lang, "page.demoHow")).append("</p>\n");
        b.append("<pre><code>").append(esc("<script src=\"/widget/loader.js\" data-lang=\"" + lang + "\" async></script>"))
                .append("</code></pre>\n</main>\n");
        foot(b, lang);
        b.append("<script src=\"/widget/loader.js\" data-lang=\"").append(lang).append("\" async></script>\n");
        return b.append("</body>\n</html>\n").toString();
    }

    String accessibility(String lang) {
        StringBuilder b = head(lang, "a11y.title");
        b.append("<main id=\"main\">\n<h1>").append(text(lang, "a11y.title")).append("</h1>\n");
        b.append("<p>").append(text(lang, "a11y.scope")).append("</p>\n");
        boolean inList = false;
        for (String item : STATEMENT) {
            String tag = item.substring(0, item.indexOf(':'));
            String key = item.substring(item.indexOf(':') + 1);
            if (tag.equals("li") != inList) {
                b.append(inList ? "</ul>\n" : "<ul>\n");
                inList = !inList;
            }
            b.append('<').append(tag).append('>').append(text(lang, key)).append("</").append(tag).append(">\n");
        }
        if (inList) {
            b.append("</ul>\n");
        }
        b.append("</main>\n");
        foot(b, lang);
        return b.append("</body>\n</html>\n").toString();
    }

    private StringBuilder head(String lang, String titleKey) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!doctype html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(text(lang, titleKey)).append(" – ").append(text(lang, "page.county")).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/widget/page.css\">\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">").append(text(lang, "page.skip")).append("</a>\n")
                .append("<header>\n<p class=\"county\">").append(text(lang, "page.county")).append("</p>\n")
                .append("<nav aria-label=\"").append(text(lang, "page.langNav")).append("\"><ul class=\"langs\">\n");
        for (String l : WidgetTexts.LANGUAGES) {
            b.append("<li><a href=\"?lang=").append(l).append("\" lang=\"").append(l).append("\" hreflang=\"").append(l).append('"')
                    .append(l.equals(lang) ? " aria-current=\"page\"" : "").append('>').append(text(l, "page.langName"))
                    .append("</a></li>\n");
        }
        return b.append("</ul></nav>\n</header>\n");
    }

    private void foot(StringBuilder b, String lang) {
        b.append("<footer>\n<ul class=\"links\">\n<li><a href=\"/demo?lang=").append(lang).append("\">")
                .append(text(lang, "page.demoLink")).append("</a></li>\n<li><a href=\"/accessibility?lang=").append(lang)
                .append("\">").append(text(lang, "page.a11yLink")).append("</a></li>\n</ul>\n</footer>\n");
    }

    private String text(String lang, String key) {
        return esc(texts.get(lang, key));
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
