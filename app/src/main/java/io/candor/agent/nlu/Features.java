package io.candor.agent.nlu;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An utterance as a sparse, L2-normalised vector of hashed features: character 1- to 3-grams of the normalised
 * text (which is how Chinese is read without a segmenter), and word 1- and 2-grams of its Latin words.
 */
final class Features {

    static final int DIMENSIONS = 1 << 18;

    /** Feature indices and values. */
    record Vector(int[] index, float[] value) {
    }

    private Features() {
    }

    static Vector of(String text) {
        String t = " " + Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").strip() + " ";
        Map<Integer, Float> counts = new HashMap<>();
        int[] cps = t.codePoints().toArray();
        for (int n = 1; n <= 3; n++) {
            for (int i = 0; i + n <= cps.length; i++) {
                add(counts, "c" + n + new String(cps, i, n));
            }
        }
        String[] words = t.replaceAll("[^\\p{IsLatin}\\p{N}' ]", " ").strip().split(" +");
        for (int i = 0; i < words.length; i++) {
            if (!words[i].isEmpty()) {
                add(counts, "w" + words[i]);
                add(counts, "s" + stem(words[i]));
                if (i + 1 < words.length) {
                    add(counts, "b" + words[i] + "_" + words[i + 1]);
                }
            }
        }
        int[] index = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        float[] value = new float[index.length];
        double norm = 0;
        for (int i = 0; i < index.length; i++) {
            value[i] = counts.getOrDefault(index[i], 0f);
            norm += value[i] * value[i];
        }
        float scale = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
        for (int i = 0; i < value.length; i++) {
            value[i] *= scale;
        }
        return new Vector(index, value);
    }

    /** A crude English stem, enough to join pay/paid/paying and call/calling. */
    static String stem(String word) {
        String w = word.replace("'", "");
        for (String suffix : new String[] {"ing", "ed", "es", "s", "ly"}) {
            if (w.length() > suffix.length() + 2 && w.endsWith(suffix)) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w.equals("paid") ? "pay" : w;
    }

    private static void add(Map<Integer, Float> counts, String feature) {
        counts.merge(Math.floorMod(feature.hashCode() * 0x9E3779B1, DIMENSIONS), 1f, Float::sum);
    }
}
