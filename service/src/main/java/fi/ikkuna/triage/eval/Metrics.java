package fi.ikkuna.triage.eval;

import java.util.ArrayList;
import java.util.List;

/** Counters for one evaluation run; each metric keeps its misses so a run can explain itself. */
final class Metrics {
    int emergencies;
    int emergenciesFound;
    int urgencyTotal;
    int urgencyOk;
    int serviceTotal;
    int serviceOk;
    int faqTotal;
    int faqTop1;
    double faqReciprocalRanks;
    final List<String> misses = new ArrayList<>();

    void urgency(String id, String expected, String actual) {
        urgencyTotal++;
        if (expected.equals(actual)) {
            urgencyOk++;
        } else {
            misses.add(id + " urgency expected " + expected + " got " + actual);
        }
        if (expected.equals("emergency")) {
            emergencies++;
            if (actual.equals("emergency")) {
                emergenciesFound++;
            }
        }
    }

    void service(String id, String expected, String actual) {
        serviceTotal++;
        if (expected.equals(actual)) {
            serviceOk++;
        } else {
            misses.add(id + " service expected " + expected + " got " + actual);
        }
    }

    /** @param rank 1-based rank of the expected FAQ entry among the top 5, or 0 when absent */
    void faq(String id, String expected, int rank, String top) {
        faqTotal++;
        if (rank == 1) {
            faqTop1++;
        } else {
            misses.add(id + " faq expected " + expected + " at rank " + (rank == 0 ? ">5" : rank) + ", top " + top);
        }
        faqReciprocalRanks += rank == 0 ? 0 : 1.0 / rank;
    }

    static String pct(int ok, int total) {
        return total == 0 ? "n/a" : String.format("%.1f %% (%d/%d)", 100.0 * ok / total, ok, total);
    }

    String emergencyRecall() {
        return pct(emergenciesFound, emergencies);
    }

    String urgencyAccuracy() {
        return pct(urgencyOk, urgencyTotal);
    }

    String serviceAccuracy() {
        return pct(serviceOk, serviceTotal);
    }

    String faqTop1() {
        return pct(faqTop1, faqTotal);
    }

    String mrr() {
        return faqTotal == 0 ? "n/a" : String.format("%.3f", faqReciprocalRanks / faqTotal);
    }
}
