package fi.ikkuna.triage.faq;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The per-entry top-k selection that replaced Lucene's top-docs collector. */
class FaqIndexTest {
    @Test
    void bestFirstTiesInFileOrderZeroesLeftOut() {
        float[] scores = {0f, 2f, 5f, 2f, 0f, 7f, 5f};
        assertArrayEquals(new int[]{5, 2, 6, 1, 3}, FaqIndex.best(scores, 5));
        assertArrayEquals(new int[]{5, 2}, FaqIndex.best(scores, 2));
        assertArrayEquals(new int[]{}, FaqIndex.best(new float[]{0f, 0f}, 5));
        assertArrayEquals(new int[]{1}, FaqIndex.best(new float[]{0f, 0.5f}, 5));
    }

    /** Against a full sort, on random scores with many ties; the seed is printed so a failure can be replayed. */
    @Test
    void randomizedAgainstSorting() {
        long seed = Long.getLong("ikkuna.test.seed", new Random().nextLong());
        System.out.println("FaqIndexTest seed " + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 500; round++) {
            float[] scores = new float[rnd.nextInt(60)];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = rnd.nextInt(3) == 0 ? 0f : rnd.nextInt(8);
            }
            int max = 1 + rnd.nextInt(6);
            int[] expected = IntStream.range(0, scores.length).filter(i -> scores[i] > 0f).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparing(i -> i))
                    .limit(max).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, FaqIndex.best(scores, max), "seed " + seed + " scores " + Arrays.toString(scores));
        }
    }
}
