package io.candor.arrangement;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A creditor's bounds on what may be offered on one product, and who may offer what without approval.
 *
 * @param maxDiscountPct     the most a settlement may forgive, as a percentage of the balance
 * @param maxTenorMonths     the longest an arrangement may run
 * @param minInstalmentMinor the smallest instalment, in the account currency's minor units
 * @param maxBufferDays      the longest hardship buffer
 * @param graceDays          days after a due date before an unpaid instalment counts as missed
 * @param authority          what each offerer may agree alone; above it, someone with more authority approves
 */
public record Policy(BigDecimal maxDiscountPct, int maxTenorMonths, long minInstalmentMinor, int maxBufferDays,
                     int graceDays, Map<Offerer, Authority> authority) {

    /** What one offerer may agree without approval. */
    public record Authority(BigDecimal discountPct, int tenorMonths, Set<Kind> kinds) {

        public Authority {
            kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        }
    }

    public Policy {
        authority = Map.copyOf(new EnumMap<>(authority));
    }

    /**
     * The defaults: settlements up to 50 % off, 36 months, instalments of at least 100.00 (10,000 minor units),
     * buffers up to 90 days, 3 grace days; a debtor alone may promise, take a plan of up to 6 months or a settlement
     * of up to 5 % off; a collector up to 10 % and 12 months; a supervisor up to 30 % and 24 months; the creditor
     * anything within the bounds.
     */
    public static final Policy DEFAULT = new Policy(new BigDecimal("50"), 36, 10_000, 90, 3, Map.of(
            Offerer.DEBTOR, new Authority(new BigDecimal("5"), 6, EnumSet.of(Kind.PROMISE, Kind.PLAN, Kind.SETTLEMENT)),
            Offerer.AGENT, new Authority(BigDecimal.ZERO, 6, EnumSet.of(Kind.PROMISE, Kind.PLAN)),
            Offerer.COLLECTOR, new Authority(new BigDecimal("10"), 12,
                    EnumSet.of(Kind.PROMISE, Kind.PLAN, Kind.SETTLEMENT, Kind.HARDSHIP)),
            Offerer.SUPERVISOR, new Authority(new BigDecimal("30"), 24, EnumSet.allOf(Kind.class)),
            Offerer.CREDITOR, new Authority(new BigDecimal("100"), 120, EnumSet.allOf(Kind.class))));

    public Authority of(Offerer offerer) {
        return authority.getOrDefault(offerer, new Authority(BigDecimal.ZERO, 0, Set.of()));
    }
}
