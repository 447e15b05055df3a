package io.candor.arrangement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an arrangement would commit the debtor to: the schedule (empty for a hardship buffer), its total, the
 * discount it forgives (a settlement's), a restructuring's rate and a buffer's length and reason.
 */
public record Terms(Kind kind, List<Due> schedule, long balanceMinor, long discountMinor, @Nullable BigDecimal ratePct,
                    @Nullable Integer bufferDays, @Nullable String reason) {

    public Terms {
        schedule = List.copyOf(schedule);
    }

    public long totalMinor() {
        return schedule.stream().mapToLong(Due::amountMinor).sum();
    }

    /** The discount as a percentage of the balance (0 when nothing is forgiven). */
    public BigDecimal discountPct() {
        return balanceMinor == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(discountMinor * 100)
                .divide(BigDecimal.valueOf(balanceMinor), 2, RoundingMode.HALF_UP);
    }

    /** Whole months from {@code today} to the last date due (a buffer counts its days), rounded up. */
    public int tenorMonths(LocalDate today) {
        LocalDate last = schedule.isEmpty()
                ? today.plusDays(bufferDays == null ? 0 : bufferDays) : schedule.getLast().on();
        long months = ChronoUnit.MONTHS.between(today, last);
        return (int) (today.plusMonths(months).isBefore(last) ? months + 1 : months);
    }
}
