package fi.ikkuna.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import fi.ikkuna.web.Json;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Finds English on a Finnish screen (issue 14.7). English words are those of the page's English texts that its
 * Finnish texts do not use, plus the words of the service's own English messages and common function words.
 * Identifiers (file paths, ids with - _ / .) and elements marked with another language (a resident's own text,
 * the language menu) are not prose and are skipped.
 */
public final class EnglishText {
    /** Words the server's English messages and trace lines are made of; none is Finnish. */
    private static final Set<String> SERVER = Set.of("the", "such", "first", "take", "conversation", "found", "field", "fields",
            "contains", "characters", "cannot", "stored", "unknown", "matched", "rule", "default", "scored", "confident", "answered",
            "once", "suggestions", "only", "syntax", "expected", "allowed", "missing", "required", "key", "must", "already", "with",
            "your", "this", "that", "not", "is", "are", "was", "and", "for", "you", "slot", "draft", "version", "published", "imported",
            "from", "rollback", "error", "failed", "wrong", "password", "username", "deadline", "urgency", "service", "queue",
            "assigned", "queued", "closed", "health", "general", "emergency", "urgent", "taken", "when", "set", "none", "applies",
            "am", "pm");
    private final Set<String> english;

    private EnglishText(Set<String> english) {
        this.english = english;
    }

    /** English words for a page whose texts are {@code bundles} ("console/i18n/", "console/i18n/workbench-", "widget"). */
    public static EnglishText forBundles(List<Path> enFiles, List<Path> fiFiles) {
        Set<String> en = new HashSet<>(SERVER);
        enFiles.forEach(p -> en.addAll(words(p)));
        fiFiles.forEach(p -> en.removeAll(words(p)));
        en.removeIf(w -> w.length() < 2);
        return new EnglishText(en);
    }

    private static Set<String> words(Path file) {
        try {
            Set<String> out = new HashSet<>();
            collect(Json.MAPPER.readTree(Files.readString(file)), out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode n, Set<String> out) {
        if (n.isTextual()) {
            out.addAll(tokens(n.asText()));
        }
        n.forEach(c -> collect(c, out));
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split("\\s+")) {
            // ids and paths (fever-cough, rules/10-safety.yaml, mental_health) are identifiers, not prose
            // and a quoted word is verbatim code (a YAML key the editor must type as it is)
            if (raw.matches(".*\\p{L}[-_/.]\\p{L}.*") || raw.matches(".*\\{.*") || raw.matches("[(]?\"[^\"]+\"[,.:;)]*")) {
                continue;
            }
            for (String w : raw.split("[^\\p{L}]+")) {
                if (!w.isEmpty()) {
                    out.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** Every visible text of the current document (the frame switched to), its accessible names and placeholders. */
    public static String visibleText(JavascriptExecutor js) {
        return String.valueOf(js.executeScript("""
                const out = [];
                const own = (e) => { const l = e.closest('[lang]'); return !l || l === document.documentElement || l.lang.startsWith('fi'); };
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const e = walker.currentNode.parentElement;
                  if (!e || e.closest('script, style, select#lang, #lang, #lang-menu') || !own(e)) continue;
                  if (!e.getClientRects().length || getComputedStyle(e).visibility === 'hidden') continue;
                  out.push(walker.currentNode.textContent);
                }
                for (const e of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
                  if (!own(e) || !e.getClientRects().length) continue;
                  for (const a of ['placeholder', 'aria-label', 'title']) if (e.getAttribute(a)) out.push(e.getAttribute(a));
                }
                out.push(document.title);
                return out.join('\\n');
                """));
    }

    /** The English words found in {@code text}, sorted; empty when the screen is in one language. */
    public Set<String> in(String text) {
        Set<String> found = new TreeSet<>();
        for (String w : tokens(text)) {
            if (english.contains(w)) {
                found.add(w);
            }
        }
        return found;
    }
}
