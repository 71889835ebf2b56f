package fi.ikkuna.triage.eval;

import fi.ikkuna.triage.analysis.AnalysisVariant;
import fi.ikkuna.triage.analysis.LanguageAnalysis;
import fi.ikkuna.triage.rules.RuleMatcher;

import java.util.Map;

/** Prints how a text is analysed (index chain), to help staff write rule queries. Args: lang text... */
public final class ShowTerms {
    private ShowTerms() {
    }

    public static void main(String[] args) {
        LanguageAnalysis a = LanguageAnalysis.create(AnalysisVariant.VOIKKO, Map.of());
        for (int i = 1; i < args.length; i++) {
            System.out.println(args[i] + " -> " + RuleMatcher.terms(a.index().get(args[0]), args[i]));
        }
    }
}
