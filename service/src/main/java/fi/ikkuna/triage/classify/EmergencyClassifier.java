package fi.ikkuna.triage.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fi.ikkuna.triage.CaseDefinition;
import fi.ikkuna.triage.Contact;
import fi.ikkuna.triage.Urgency;
import fi.ikkuna.triage.analysis.LanguageAnalysis;
import fi.ikkuna.triage.analysis.Negation;
import fi.ikkuna.triage.rules.RuleMatcher;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * The statistical second opinion on "is this an emergency", OR-ed with the safety rules: L2-regularised logistic
 * regression (Apache OpenNLP's quasi-Newton maxent trainer) over the analysed terms of the text (Voikko base forms
 * and compound parts for Finnish, stems for Swedish and English) and its character 4–5-grams, trained on the
 * labelled cases of the rule set. Denied findings are blanked first (the same {@link Negation} the rules read),
 * so "ei rintakipua" does not look like chest pain to it either. The model is trained when a rule set loads;
 * identical case sets share one model (the workbench compiles many drafts with the same cases).
 */
public final class EmergencyClassifier {
    private static final String YES = "emergency";
    private static final String NO = "other";
    private static final Map<String, MaxentModel> TRAINED = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MaxentModel> eldest) {
            return size() > 4;
        }
    };

    private final MaxentModel model;
    private final int yes;
    private final LanguageAnalysis analysis;
    private final double threshold;

    private EmergencyClassifier(MaxentModel model, LanguageAnalysis analysis, double threshold) {
        this.model = model;
        this.yes = model.getIndex(YES);
        this.analysis = analysis;
        this.threshold = threshold;
    }

    /** Trains on every case with an expected urgency; null when the cases hold no emergency or no other case. */
    public static EmergencyClassifier train(List<CaseDefinition> cases, LanguageAnalysis analysis, double threshold) {
        List<Event> events = new ArrayList<>();
        StringBuilder key = new StringBuilder(analysis.finnish().name());
        for (CaseDefinition c : cases) {
            if (c.expectUrgency() != null && LanguageAnalysis.LANGUAGES.contains(c.contact().language())) {
                String outcome = c.expectUrgency() == Urgency.EMERGENCY ? YES : NO;
                events.add(new Event(outcome, features(analysis, c.contact().language(), c.contact().text())));
                key.append('\u0000').append(outcome).append(c.contact().language()).append(c.contact().text());
            }
        }
        if (events.stream().map(Event::getOutcome).distinct().count() < 2) {
            return null;
        }
        MaxentModel model;
        synchronized (TRAINED) {
            model = TRAINED.get(key.toString());
            if (model == null) {
                model = fit(events);
                TRAINED.put(key.toString(), model);
            }
        }
        return new EmergencyClassifier(model, analysis, threshold);
    }

    private static MaxentModel fit(List<Event> events) {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        p.put(TrainingParameters.ITERATIONS_PARAM, 200);
        p.put(TrainingParameters.CUTOFF_PARAM, 1);
        p.put("L1Cost", 0.0);
        p.put("L2Cost", 0.5);
        p.put("PrintMessages", false);
        EventTrainer trainer = TrainerFactory.getEventTrainer(p, null);
        try {
            return trainer.train(ObjectStreamUtils.createObjectStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Probability that the contact is an emergency. */
    public double probability(Contact c) {
        if (!LanguageAnalysis.LANGUAGES.contains(c.language())) {
            return 0;
        }
        return model.eval(features(analysis, c.language(), c.text()))[yes];
    }

    public boolean emergency(Contact c) {
        return probability(c) >= threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** Analysed terms ("t:") and character 4–5-grams of the words ("g:"), after denied findings are blanked. */
    static String[] features(LanguageAnalysis analysis, String lang, String text) {
        String masked = analysis.negation().get(lang).maskDenials(text);
        Set<String> out = new LinkedHashSet<>();
        for (String t : RuleMatcher.terms(analysis.index().get(lang), masked)) {
            out.add("t:" + t);
        }
        String padded = " " + masked.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim() + " ";
        for (int n = 4; n <= 5; n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
                out.add("g:" + padded.substring(i, i + n));
            }
        }
        return out.toArray(String[]::new);
    }
}
