package io.candor.arrangement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Terms as a person (or the portal, or the agent) proposes them, amounts in the account's currency. Which fields
 * count depends on the kind:
 * <ul>
 *   <li>PROMISE: {@code instalments} (one or several dates and amounts), or {@code amount} on {@code dueOn};</li>
 *   <li>PLAN: {@code instalments} (custom) or {@code count} equal monthly instalments from {@code dueOn};</li>
 *   <li>SETTLEMENT: {@code amount} on {@code dueOn};</li>
 *   <li>HARDSHIP: {@code bufferDays} and {@code reason};</li>
 *   <li>RESTRUCTURE: {@code count} months at {@code ratePct} from {@code dueOn}.</li>
 * </ul>
 */
public record Proposal(Kind kind, @Nullable List<Instalment> instalments, @Nullable BigDecimal amount,
                       @Nullable LocalDate dueOn, @Nullable Integer count, @Nullable Integer bufferDays,
                       @Nullable BigDecimal ratePct, @Nullable String reason) {

    /** An instalment as proposed. */
    public record Instalment(LocalDate dueOn, BigDecimal amount) {
    }

    public static Proposal promise(BigDecimal amount, LocalDate on) {
        return new Proposal(Kind.PROMISE, null, amount, on, null, null, null, null);
    }

    public static Proposal plan(int count, LocalDate first) {
        return new Proposal(Kind.PLAN, null, null, first, count, null, null, null);
    }

    public static Proposal settlement(BigDecimal amount, LocalDate on) {
        return new Proposal(Kind.SETTLEMENT, null, amount, on, null, null, null, null);
    }

    public static Proposal hardship(int days, String reason) {
        return new Proposal(Kind.HARDSHIP, null, null, null, null, days, null, reason);
    }
}
