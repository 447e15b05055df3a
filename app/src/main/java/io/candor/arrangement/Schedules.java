package io.candor.arrangement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Instalment schedules in exact minor units: the rounding goes to the last instalment, never lost. */
public final class Schedules {

    private Schedules() {
    }

    /** {@code count} monthly instalments of {@code totalMinor} from {@code first}, equal but for the last. */
    public static List<Due> equal(long totalMinor, int count, LocalDate first) {
        if (count < 1) {
            throw new IllegalArgumentException("a plan has at least one instalment");
        }
        if (totalMinor < count) {
            throw new IllegalArgumentException("the balance is too small for " + count + " instalments");
        }
        long each = totalMinor / count;
        List<Due> dues = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long amount = i == count - 1 ? totalMinor - each * (count - 1) : each;
            dues.add(new Due(first.plusMonths(i), amount));
        }
        return dues;
    }

    /**
     * A restructuring: {@code months} equal monthly payments that repay {@code balanceMinor} at {@code annualRatePct}
     * (the annuity formula, rounded half-even to the minor unit; the last payment settles the remainder exactly).
     */
    public static List<Due> annuity(long balanceMinor, BigDecimal annualRatePct, int months, LocalDate first) {
        if (months < 1) {
            throw new IllegalArgumentException("a restructuring runs at least one month");
        }
        if (annualRatePct.signum() == 0) {
            return equal(balanceMinor, months, first);
        }
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal i = annualRatePct.divide(BigDecimal.valueOf(1200), mc);
        BigDecimal factor = BigDecimal.ONE.add(i).pow(months, mc);
        BigDecimal payment = BigDecimal.valueOf(balanceMinor).multiply(i, mc).multiply(factor, mc)
                .divide(factor.subtract(BigDecimal.ONE), mc);
        long each = payment.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        List<Due> dues = new ArrayList<>();
        BigDecimal owed = BigDecimal.valueOf(balanceMinor);
        for (int k = 0; k < months; k++) {
            BigDecimal interest = owed.multiply(i, mc).setScale(0, RoundingMode.HALF_EVEN);
            long amount = k == months - 1 ? owed.add(interest).longValueExact() : each;
            owed = owed.add(interest).subtract(BigDecimal.valueOf(amount));
            dues.add(new Due(first.plusMonths(k), amount));
        }
        return dues;
    }
}
