package io.candor.strategy;

/**
 * Two-sided tests of a challenger against the champion, on large samples (normal approximation): a two-proportion
 * z-test for rates (payers, promises) and Welch's test for means (each account's recovered share).
 */
public final class Significance {

    /** The customary level: a difference is significant when p is below it. */
    public static final double ALPHA = 0.05;

    /**
     * A test's statistic and two-sided p-value (1 when either sample is empty or has no variance); significant when
     * p is below {@link #ALPHA}.
     */
    public record Test(double difference, double z, double p, boolean significant) {
        Test(double difference, double z, double p) {
            this(difference, z, p, p < ALPHA);
        }
    }

    private Significance() {
    }

    /** Rate x1/n1 against x2/n2, with the pooled standard error. */
    public static Test proportions(long x1, long n1, long x2, long n2) {
        if (n1 == 0 || n2 == 0) {
            return new Test(0, 0, 1);
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return test(p1 - p2, se);
    }

    /** Mean m1 (sample variance v1, size n1) against m2 (v2, n2). */
    public static Test means(double m1, double v1, long n1, double m2, double v2, long n2) {
        if (n1 < 2 || n2 < 2) {
            return new Test(m1 - m2, 0, 1);
        }
        return test(m1 - m2, Math.sqrt(v1 / n1 + v2 / n2));
    }

    private static Test test(double difference, double se) {
        if (!(se > 0)) {
            return new Test(difference, 0, 1);
        }
        double z = difference / se;
        return new Test(difference, z, Math.min(1, 2 * (1 - normal(Math.abs(z)))));
    }

    /** The standard normal distribution function, through a Chebyshev fit of erfc (fractional error below 1.2e-7). */
    static double normal(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
