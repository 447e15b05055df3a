package io.candor.agent.nlu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Reads a debtor's turn: its intent and emotion with their probabilities. {@link #shipped()} is trained once per
 * process from the whole shipped corpus (a second or two); {@link #evaluate()} trains on four fifths of the seeds
 * and measures on the variants of the fifth it never saw.
 */
public final class Nlu {

    /** What a turn says and how it feels. */
    public record Reading(Labels.Intent intent, double intentConfidence, Labels.Emotion emotion,
                          double emotionConfidence) {
    }

    /** Held-out accuracy per language, overall and per label. */
    public record Accuracy(int trainExamples, int testExamples, Map<String, Double> intentByLanguage,
                           Map<String, Double> emotionByLanguage, Map<String, Double> intentByLabel,
                           Map<String, Double> emotionByLabel) {
    }

    private static volatile @Nullable Nlu shipped;

    private final SoftmaxClassifier intents;
    private final SoftmaxClassifier emotions;

    private Nlu(List<Corpus.Example> examples) {
        List<Features.Vector> x = examples.stream().map(e -> Features.of(e.text())).toList();
        this.intents = SoftmaxClassifier.train(x, examples.stream().mapToInt(e -> e.intent().ordinal()).toArray(),
                Labels.Intent.values().length, 1);
        this.emotions = SoftmaxClassifier.train(x, examples.stream().mapToInt(e -> e.emotion().ordinal()).toArray(),
                Labels.Emotion.values().length, 2);
    }

    /** The model trained on the whole shipped corpus. */
    public static Nlu shipped() {
        Nlu n = shipped;
        if (n == null) {
            synchronized (Nlu.class) {
                n = shipped;
                if (n == null) {
                    n = new Nlu(Corpus.expanded());
                    shipped = n;
                }
            }
        }
        return n;
    }

    public Reading read(String text) {
        Features.Vector v = Features.of(text);
        double[] pi = intents.probabilities(v);
        double[] pe = emotions.probabilities(v);
        int i = argmax(pi);
        int e = argmax(pe);
        return new Reading(Labels.Intent.values()[i], pi[i], Labels.Emotion.values()[e], pe[e]);
    }

    /** Trains on the seeds whose number is not a multiple of five, tests on the variants of the others. */
    public static Accuracy evaluate() {
        List<Corpus.Example> all = Corpus.expanded();
        Predicate<Corpus.Example> held = e -> e.seed() % 5 == 0;
        List<Corpus.Example> train = all.stream().filter(held.negate()).toList();
        List<Corpus.Example> test = all.stream().filter(held).toList();
        Nlu model = new Nlu(train);
        Map<String, int[]> intentLang = new TreeMap<>();
        Map<String, int[]> emotionLang = new TreeMap<>();
        Map<String, int[]> intentLabel = new TreeMap<>();
        Map<String, int[]> emotionLabel = new TreeMap<>();
        for (Corpus.Example e : test) {
            Reading r = model.read(e.text());
            tally(intentLang, e.language(), r.intent() == e.intent());
            tally(intentLang, "all", r.intent() == e.intent());
            tally(emotionLang, e.language(), r.emotion() == e.emotion());
            tally(emotionLang, "all", r.emotion() == e.emotion());
            tally(intentLabel, e.intent().name(), r.intent() == e.intent());
            tally(emotionLabel, e.emotion().name(), r.emotion() == e.emotion());
        }
        return new Accuracy(train.size(), test.size(), rates(intentLang), rates(emotionLang), rates(intentLabel),
                rates(emotionLabel));
    }

    private static void tally(Map<String, int[]> t, String key, boolean right) {
        int[] c = t.computeIfAbsent(key, k -> new int[2]);
        c[0] += right ? 1 : 0;
        c[1]++;
    }

    private static Map<String, Double> rates(Map<String, int[]> t) {
        Map<String, Double> out = new LinkedHashMap<>();
        t.forEach((k, c) -> out.put(k, Math.round(10_000.0 * c[0] / c[1]) / 10_000.0));
        return out;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Readings per second over the corpus ({@code rounds} times), next to the baseline measured in the same run:
     * turning the same texts into feature vectors alone, the part of a reading that is not the two classifiers.
     */
    public static Map<String, Object> throughput(int rounds) {
        Nlu nlu = shipped();
        List<String> texts = Corpus.expanded().stream().map(Corpus.Example::text).toList();
        long start = System.nanoTime();
        int sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (String t : texts) {
                sink += Features.of(t).index().length;
            }
        }
        double baseline = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (String t : texts) {
                sink += nlu.read(t).intent().ordinal();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = rounds * texts.size();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("utterances", n);
        out.put("seconds", Math.round(seconds * 1000) / 1000.0);
        out.put("utterancesPerSecond", Math.round(n / seconds));
        out.put("baselineFeaturesOnlyPerSecond", Math.round(n / baseline));
        out.put("ratioToBaseline", Math.round(1000.0 * baseline / seconds) / 1000.0);
        out.put("checksum", sink);
        return out;
    }
}
