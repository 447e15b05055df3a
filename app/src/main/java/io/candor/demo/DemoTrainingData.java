package io.candor.demo;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

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

    /** {@code rows} rows; the target column is {@code outcome}, bad value {@code unpaid}. */
    public static byte[] csv(int rows, long seed) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            int dpd = 1 + r.nextInt(240);
            double balance = Math.exp(8.5 + r.nextGaussian());
            int attempts = r.nextInt(16);
            int unanswered = r.nextInt(attempts + 1);
            Integer since = r.nextDouble() < 0.3 ? null : r.nextInt(61);
            int broken = r.nextDouble() < 0.7 ? 0 : 1 + r.nextInt(3);
            String product = PRODUCTS[r.nextInt(PRODUCTS.length)];
            boolean upset = r.nextDouble() < 0.05;
            boolean vulnerable = r.nextDouble() < 0.03;
            double logit = 1.2 - 0.012 * dpd - 0.25 * Math.log(balance / 5000) - 0.15 * unanswered
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
