package fi.ikkuna.triage.faq;

import fi.ikkuna.triage.TriageOutcome.FaqHit;

import java.util.List;

/**
 * A FAQ search: the best entries, best first, and how much of the contact the best one covers — the share of
 * the contact's content words (question words dropped) that the entry's question, variants or answer contain in
 * any of their forms. BM25 rewards one rare word matched strongly; coverage tells a question the entry answers
 * from one that merely shares a word with it ("can I pay the health centre bill with MobilePay" covers the fees
 * entry only in part), so the auto-answer gate asks for both.
 */
public record FaqResult(List<FaqHit> hits, double coverage) {
    public static final FaqResult NONE = new FaqResult(List.of(), 0);
}
