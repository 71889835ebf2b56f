package fi.ikkuna.triage.analysis;

/** The Finnish analysis chains compared in docs/triage.md; sv and en always use their stock analysers. */
public enum AnalysisVariant {
    /** Lucene's FinnishAnalyzer (Snowball stemmer). */
    STOCK,
    /** Stock chain plus the service-vocabulary synonyms. */
    STOCK_SYNONYMS,
    /** Voikko base forms and compound parts, no synonyms. */
    VOIKKO,
    /** Voikko base forms and compound parts plus the service-vocabulary synonyms. */
    VOIKKO_SYNONYMS
}
