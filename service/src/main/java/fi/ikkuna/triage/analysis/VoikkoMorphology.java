package fi.ikkuna.triage.analysis;

import org.puimula.libvoikko.Analysis;
import org.puimula.libvoikko.Voikko;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finnish base forms and compound parts from libvoikko (native, through JNA). A Voikko handle is not thread
 * safe, and virtual threads make ThreadLocal handles multiply, so a small pool is shared and every word's
 * result is cached: residents reuse a small vocabulary, so almost every lookup is a cache hit.
 */
public final class VoikkoMorphology {
    private static final Logger LOG = Logger.getLogger(VoikkoMorphology.class.getName());
    private static final Pattern PIECE = Pattern.compile("\\+([^(+]*)(?:\\(([^)]*)\\))?");
    private static final int CACHE_LIMIT = 200_000;
    private static volatile Optional<VoikkoMorphology> shared;

    private final BlockingQueue<Voikko> pool;
    private final ConcurrentHashMap<String, Morphology> cache = new ConcurrentHashMap<>();

    private VoikkoMorphology(BlockingQueue<Voikko> pool) {
        this.pool = pool;
    }

    /** The process-wide instance, or empty (with one WARNING) when the native library or dictionary is missing. */
    public static Optional<VoikkoMorphology> shared() {
        if (shared == null) {
            synchronized (VoikkoMorphology.class) {
                if (shared == null) {
                    shared = open();
                }
            }
        }
        return shared;
    }

    private static Optional<VoikkoMorphology> open() {
        int size = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
        BlockingQueue<Voikko> pool = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                pool.add(new Voikko("fi"));
            }
            return Optional.of(new VoikkoMorphology(pool));
        } catch (Throwable e) { // UnsatisfiedLinkError, VoikkoException, NoClassDefFoundError: all mean "no Voikko"
            LOG.log(Level.WARNING, "libvoikko could not be loaded (" + e + "); Finnish triage falls back to the "
                    + "Snowball FinnishAnalyzer, which misses compounds and consonant gradation. "
                    + "Install with: apt-get install -y libvoikko1 voikko-fi");
            pool.forEach(Voikko::terminate);
            return Optional.empty();
        }
    }

    public Morphology analyze(String word) {
        Morphology m = cache.get(word);
        if (m != null) {
            return m;
        }
        m = lookup(word);
        if (cache.size() > CACHE_LIMIT) {
            cache.clear(); // crude bound; refills from the pool in microseconds per word
        }
        cache.put(word, m);
        return m;
    }

    private Morphology lookup(String word) {
        Voikko v;
        try {
            v = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Morphology.UNKNOWN;
        }
        try {
            return toMorphology(v.analyze(word));
        } finally {
            pool.add(v);
        }
    }

    private static Morphology toMorphology(List<Analysis> analyses) {
        if (analyses.isEmpty()) {
            return Morphology.UNKNOWN;
        }
        Set<String> bases = new LinkedHashSet<>();
        Set<String> parts = new LinkedHashSet<>();
        Set<String> classes = new LinkedHashSet<>();
        boolean verb = false;
        for (Analysis a : analyses) {
            if (a.get("CLASS") != null) {
                classes.add(a.get("CLASS"));
            }
            verb |= "teonsana".equals(a.get("CLASS")) || a.containsKey("PARTICIPLE");
            String base = a.get("BASEFORM");
            if (base != null) {
                bases.add(base.toLowerCase(Locale.ROOT));
            }
            if (a.containsKey("PARTICIPLE") && a.get("WORDBASES") != null) {
                // "ottanut" has base form "ottanut" (an adjective); the verb "ottaa" is what rules are written with
                Matcher m = PIECE.matcher(a.get("WORDBASES"));
                if (m.find() && m.group(2) != null && !m.group(2).startsWith("+")) {
                    bases.add(m.group(2).replace("=", "").toLowerCase(Locale.ROOT));
                }
            }
            parts.addAll(compoundParts(a.get("WORDBASES")));
        }
        parts.removeAll(bases);
        return new Morphology(List.copyOf(bases), List.copyOf(parts), verb, List.copyOf(classes));
    }

    /**
     * The lemmas a derived word is built from: "+taju(taju)+ttomu(+ton)+us(+us)" (tajuttomuus) gives "tajuton",
     * "+kouristel(kouristaa)(+la)+u(+u)" (kouristelu) gives "kouristella". Each derivation suffix is put on the
     * surface before it; a lemma that is not a word is harmless, as no rule is written with it.
     */
    static List<String> derivationBases(String wordbases) {
        List<String> out = new ArrayList<>();
        StringBuilder prefix = new StringBuilder();
        Matcher m = PIECE.matcher(wordbases);
        while (m.find()) {
            String surface = m.group(1).replace("=", "").toLowerCase(Locale.ROOT);
            String base = m.group(2) == null ? null : m.group(2).replace("=", "").toLowerCase(Locale.ROOT);
            if (surface.endsWith(")")) { // "(+la)": a derivation named without a surface of its own
                out.add(prefix + surface.substring(0, surface.length() - 1));
                continue;
            }
            if (base != null && base.startsWith("+") && base.length() > 1 && prefix.length() > 0) {
                out.add(prefix + base.substring(1));
            }
            prefix.append(surface);
        }
        return out;
    }

    /**
     * Parts from Voikko's WORDBASES, e.g. "+hammas(hammas)+lääkäri(lääkäri)+aika(aika)": the base form of each
     * part, derivations glued back onto their stem ("+pelast(pelastaa)+us(+us)" gives "pelastus" and
     * "pelastaa"), and adjacent pairs ("hammaslääkäri", "lääkäriaika"), so a rule word that is itself a
     * compound still finds a longer compound.
     */
    static List<String> compoundParts(String wordbases) {
        if (wordbases == null) {
            return List.of();
        }
        List<String> surfaces = new ArrayList<>();
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PIECE.matcher(wordbases);
        while (m.find()) {
            String surface = m.group(1).replace("=", "").toLowerCase(Locale.ROOT);
            String base = m.group(2) == null ? "" : m.group(2).replace("=", "").toLowerCase(Locale.ROOT);
            boolean derivation = base.isEmpty() || base.startsWith("+");
            if (derivation && !surfaces.isEmpty()) {
                surfaces.set(surfaces.size() - 1, surfaces.getLast() + surface);
            } else {
                surfaces.add(surface);
                if (base.length() > 1) {
                    out.add(base);
                }
            }
        }
        out.addAll(derivationBases(wordbases));
        if (surfaces.size() < 2) {
            return List.copyOf(out); // a single word keeps its derivation family: "kouristelu" finds "kouristaa"
        }
        out.addAll(surfaces.stream().filter(x -> x.length() > 1).toList());
        for (int i = 0; i + 1 < surfaces.size(); i++) {
            out.add(surfaces.get(i) + surfaces.get(i + 1));
        }
        return List.copyOf(out);
    }
}
