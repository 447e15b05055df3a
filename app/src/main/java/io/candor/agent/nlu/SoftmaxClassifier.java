package io.candor.agent.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression on hashed sparse features, trained by stochastic gradient descent with AdaGrad
 * step sizes and a small L2 penalty, in a fixed order (seeded): the same corpus always gives the same model.
 */
final class SoftmaxClassifier {

    static final int EPOCHS = 12;
    static final double RATE = 0.5;
    static final double L2 = 1e-6;

    private final int classes;
    private final float[] weights;
    private final float[] bias;

    private SoftmaxClassifier(int classes) {
        this.classes = classes;
        this.weights = new float[classes * Features.DIMENSIONS];
        this.bias = new float[classes];
    }

    static SoftmaxClassifier train(List<Features.Vector> x, int[] y, int classes, long seed) {
        SoftmaxClassifier model = new SoftmaxClassifier(classes);
        float[] g2 = new float[model.weights.length];
        float[] b2 = new float[classes];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            order.add(i);
        }
        Random random = new Random(seed);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                Features.Vector v = x.get(i);
                double[] p = model.probabilities(v);
                for (int c = 0; c < classes; c++) {
                    double g = p[c] - (y[i] == c ? 1 : 0);
                    if (Math.abs(g) < 1e-6) {
                        continue;
                    }
                    int base = c * Features.DIMENSIONS;
                    for (int k = 0; k < v.index().length; k++) {
                        int w = base + v.index()[k];
                        float grad = (float) (g * v.value()[k] + L2 * model.weights[w]);
                        g2[w] += grad * grad;
                        model.weights[w] -= (float) (RATE * grad / Math.sqrt(g2[w] + 1e-8));
                    }
                    b2[c] += (float) (g * g);
                    model.bias[c] -= (float) (RATE * g / Math.sqrt(b2[c] + 1e-8));
                }
            }
        }
        return model;
    }

    double[] probabilities(Features.Vector v) {
        double[] z = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double s = bias[c];
            int base = c * Features.DIMENSIONS;
            for (int k = 0; k < v.index().length; k++) {
                s += weights[base + v.index()[k]] * v.value()[k];
            }
            z[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < classes; c++) {
            z[c] /= sum;
        }
        return z;
    }

    int predict(Features.Vector v) {
        double[] p = probabilities(v);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
