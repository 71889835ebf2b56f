package fi.ikkuna.triage;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import fi.ikkuna.triage.classify.EmergencyClassifier;
import org.junit.jupiter.api.Test;

/**
 * The second opinion measured out of fold: the labelled cases and the blind tuning half are split in five, each
 * fifth is scored by a model trained on the other four, and the table shows what each threshold trades (the
 * classifier alone, before the rules are OR-ed in). The configured threshold must keep false emergencies at most
 * 5 % of the non-emergencies and at most one self-care contact out of fold. The split uses a fixed seed (printed):
 * with random splits one borderline self-care text lands above 0.8 in about one split of three, and a test must
 * not pass or fail by chance; {@code -Dikkuna.sweep.seed=N} tries another split.
 */
class SecondOpinionSweepTest {
    private static final int FOLDS = 5;

    @Test
    void outOfFoldThresholdSweep() {
        RuleTriagePipeline p = TestRules.pipeline();
        EmergencyClassifier configured = p.ruleSet().classifier();
        assertNotNull(configured, "settings.yaml configures the second opinion");
        List<CaseDefinition> all = new ArrayList<>(p.cases().stream().filter(c -> c.expectUrgency() != null).toList());
        all.addAll(p.ruleSet().training());
        long seed = Long.getLong("ikkuna.sweep.seed", 2026L);
        System.out.println("SecondOpinionSweepTest seed " + seed);
        Collections.shuffle(all, new Random(seed));
        double[] prob = new double[all.size()];
        for (int f = 0; f < FOLDS; f++) {
            List<CaseDefinition> train = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (i % FOLDS != f) {
                    train.add(all.get(i));
                }
            }
            EmergencyClassifier cl = EmergencyClassifier.train(train, p.ruleSet().analysis(), configured.threshold());
            for (int i = f; i < all.size(); i += FOLDS) {
                prob[i] = cl.probability(all.get(i).contact());
            }
        }
        System.out.println("threshold | emergencies found | false (non-emergency) | false (self-care)");
        int[] atConfigured = null;
        for (double t : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, configured.threshold()}) {
            int found = 0, emergencies = 0, falses = 0, others = 0, selfCare = 0;
            for (int i = 0; i < all.size(); i++) {
                Urgency u = all.get(i).expectUrgency();
                boolean e = prob[i] >= t;
                if (u == Urgency.EMERGENCY) {
                    emergencies++;
                    found += e ? 1 : 0;
                } else {
                    others++;
                    falses += e ? 1 : 0;
                    selfCare += e && u == Urgency.SELF_CARE ? 1 : 0;
                }
            }
            System.out.printf("%.2f | %d/%d | %d/%d | %d%n", t, found, emergencies, falses, others, selfCare);
            atConfigured = new int[] {falses, others, selfCare};
        }
        assertTrue(atConfigured[0] * 20 <= atConfigured[1], "seed " + seed + ": out of fold the configured threshold raises "
                + atConfigured[0] + "/" + atConfigured[1] + " false emergencies (> 5 %)");
        assertTrue(atConfigured[2] <= 1, "seed " + seed + ": " + atConfigured[2] + " self-care contacts made emergencies out of fold");
    }
}
