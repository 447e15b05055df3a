package io.candor.demo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;

/**
 * A synthetic collection history for the demo's scoring model, in the platform's feature names: whether an
 * account was paid within 30 days given its situation. Made up (seeded, reproducible) — good for showing how
 * models are trained, approved and used, not for decisions. The effects are the ones collectors know: the later
 * the bucket, the larger the balance and the more unanswered attempts, the less likely a payment; a recent
 * conversation helps; broken promises hurt.
 */
public final class DemoTrainingData {

    public static final String HEADER = "dpd,balance,attempts,attemptsWithoutContact,daysSinceContact,"
            + "brokenArrangements,bucket,product,negativeEmotion,vulnerable,outcome";
    private static final String[] PRODUCTS = {"CREDIT_CARD", "CONSUMER_LOAN", "ECOMMERCE_INSTALMENT", "SME_LOAN", "BNPL"};

    private DemoTrainingData() {
    }

    /** {@code rows} rows with balances like a typical consumer book (median about 4,900). */
    public static byte[] csv(int rows, long seed) {
        return csv(rows, seed, null);
    }

    /**
     * {@code rows} rows whose balances are drawn from {@code balances} (e.g. resampled from the book the model will
     * score, so its scores look like the training scores); the target column is {@code outcome}, bad value
     * {@code unpaid}. The rest is shaped like a fresh placement: days past due mostly under three months, most
     * accounts not yet called, few broken promises.
     */
    public static byte[] csv(int rows, long seed, @Nullable DoubleSupplier balances) {
        // without balances: a worked book (days past due and attempts spread evenly, balances around 4,900)
        boolean fresh = balances != null;
        Random r = new Random(seed);
        double[] drawn = new double[fresh ? rows : 0];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = Objects.requireNonNull(balances).getAsDouble();
        }
        double median = fresh ? Arrays.stream(drawn).sorted().toArray()[rows / 2] : 5000;
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            int dpd = fresh ? 1 + (int) Math.min(400, Math.abs(r.nextGaussian()) * 70) : 1 + r.nextInt(240);
            double balance = fresh ? drawn[i] : Math.exp(8.5 + r.nextGaussian());
            int attempts = fresh ? (r.nextDouble() < 0.85 ? 0 : 1 + r.nextInt(12)) : r.nextInt(16);
            int unanswered = attempts == 0 ? 0 : r.nextInt(attempts + 1);
            Integer since = fresh ? (attempts == 0 || unanswered == attempts ? null : r.nextInt(15))
                    : r.nextDouble() < 0.3 ? null : r.nextInt(61);
            int broken = r.nextDouble() < (fresh ? 0.95 : 0.7) ? 0 : 1 + r.nextInt(fresh ? 2 : 3);
            String product = PRODUCTS[r.nextInt(PRODUCTS.length)];
            boolean upset = r.nextDouble() < (fresh ? 0.01 : 0.05);
            boolean vulnerable = r.nextDouble() < (fresh ? 0.01 : 0.03);
            double logit = 1.2 - 0.012 * dpd - 0.25 * Math.log(balance / median) - 0.15 * unanswered
                    + (since != null && since <= 14 ? 0.8 : 0) - 0.5 * broken
                    + (product.equals("SME_LOAN") ? -0.4 : product.equals("BNPL") ? 0.3 : 0) - (upset ? 0.6 : 0)
                    + 0.5 * r.nextGaussian();
            boolean paid = r.nextDouble() < 1 / (1 + Math.exp(-logit));
            s.append(String.format(Locale.ROOT, "%d,%.2f,%d,%d,%s,%d,%s,%s,%s,%s,%s%n", dpd, balance, attempts,
                    unanswered, since == null ? "" : since.toString(), broken, bucket(dpd), product, upset, vulnerable,
                    paid ? "paid" : "unpaid"));
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String bucket(int dpd) {
        int m = Math.min(7, 1 + (dpd - 1) / 30);
        return m == 7 ? "M7+" : "M" + m;
    }
}
