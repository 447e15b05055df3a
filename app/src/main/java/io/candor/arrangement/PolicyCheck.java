package io.candor.arrangement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.candor.platform.money.Money;

/**
 * Checks proposed terms against the creditor's policy: terms outside the bounds are refused, each problem saying
 * what to change; terms inside the bounds but beyond the offerer's authority need the approval of the least senior
 * offerer whose authority covers them.
 */
public final class PolicyCheck {

    private PolicyCheck() {
    }

    /** The outcome of a check. */
    public sealed interface Verdict {
    }

    /** Within the offerer's authority: in force at once. */
    public record Allowed() implements Verdict {
    }

    /** Within the bounds but beyond the offerer's authority: {@code approver} (or someone above) must approve. */
    public record NeedsApproval(Offerer approver, List<String> reasons) implements Verdict {
    }

    /** Outside the bounds: nobody may agree it as it is. */
    public record Refused(List<String> problems) implements Verdict {
    }

    public static Verdict check(Terms t, Policy p, Offerer by, LocalDate today, String currency, boolean business) {
        List<String> problems = bounds(t, p, today, currency, business);
        if (!problems.isEmpty()) {
            return new Refused(problems);
        }
        List<String> reasons = beyond(t, p.of(by), by, today);
        if (reasons.isEmpty()) {
            return new Allowed();
        }
        for (Offerer o : Offerer.values()) {
            if (o.compareTo(by) > 0 && o != Offerer.AGENT && beyond(t, p.of(o), o, today).isEmpty()) {
                return new NeedsApproval(o, reasons);
            }
        }
        return new NeedsApproval(Offerer.CREDITOR, reasons);
    }

    /** Whether {@code approver} may approve these terms. */
    public static boolean mayApprove(Terms t, Policy p, Offerer approver, LocalDate today) {
        return approver != Offerer.DEBTOR && approver != Offerer.AGENT && beyond(t, p.of(approver), approver, today).isEmpty();
    }

    private static List<String> beyond(Terms t, Policy.Authority a, Offerer by, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        if (!a.kinds().contains(t.kind())) {
            reasons.add(name(by) + " may not agree a " + t.kind() + " alone");
        }
        if (t.discountPct().compareTo(a.discountPct()) > 0) {
            reasons.add("a discount of " + t.discountPct().toPlainString() + " % is above " + name(by) + "'s "
                    + a.discountPct().stripTrailingZeros().toPlainString() + " %");
        }
        int tenor = t.tenorMonths(today);
        if (tenor > a.tenorMonths()) {
            reasons.add(tenor + " months is longer than " + name(by) + "'s " + a.tenorMonths());
        }
        return reasons;
    }

    private static String name(Offerer o) {
        return "a " + o.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> bounds(Terms t, Policy p, LocalDate today, String currency, boolean business) {
        List<String> problems = new ArrayList<>();
        String balance = Money.ofMinor(t.balanceMinor(), currency).toString();
        if (t.kind().scheduled()) {
            problems.addAll(schedule(t, p, today, currency));
        }
        switch (t.kind()) {
            case PROMISE -> {
                if (t.totalMinor() > t.balanceMinor()) {
                    problems.add("The promised amounts add up to " + Money.ofMinor(t.totalMinor(), currency)
                            + ", more than the balance of " + balance + ".");
                }
            }
            case PLAN -> {
                if (!t.schedule().isEmpty() && t.totalMinor() != t.balanceMinor()) {
                    problems.add("A plan repays the whole balance of " + balance + "; these instalments add up to "
                            + Money.ofMinor(t.totalMinor(), currency) + ". Offer a settlement to forgive part of it.");
                }
            }
            case SETTLEMENT -> {
                if (t.schedule().size() != 1) {
                    problems.add("A settlement is one lump sum on one date.");
                } else if (t.totalMinor() >= t.balanceMinor()) {
                    problems.add("A settlement is less than the balance of " + balance + "; to pay it all, make a promise.");
                }
                if (t.discountPct().compareTo(p.maxDiscountPct()) > 0) {
                    long least = t.balanceMinor() - p.maxDiscountPct().multiply(BigDecimal.valueOf(t.balanceMinor()))
                            .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact();
                    problems.add("The creditor allows at most " + p.maxDiscountPct().stripTrailingZeros().toPlainString()
                            + " % off: the settlement must be at least " + Money.ofMinor(least, currency) + ".");
                }
            }
            case HARDSHIP -> {
                if (t.bufferDays() == null || t.bufferDays() < 1 || t.bufferDays() > p.maxBufferDays()) {
                    problems.add("A hardship buffer lasts 1 to " + p.maxBufferDays() + " days.");
                }
                if (t.reason() == null || t.reason().isBlank()) {
                    problems.add("Give the reason for the hardship buffer.");
                }
            }
            case RESTRUCTURE -> {
                if (!business) {
                    problems.add("Restructuring is for business debtors; offer a plan to a person.");
                }
                if (t.ratePct() == null || t.ratePct().signum() < 0 || t.ratePct().compareTo(BigDecimal.valueOf(100)) >= 0) {
                    problems.add("Give the reduced annual rate as a percentage from 0 to below 100.");
                }
            }
        }
        int tenor = t.tenorMonths(today);
        if (tenor > p.maxTenorMonths()) {
            problems.add("It would run " + tenor + " months; the creditor allows at most " + p.maxTenorMonths() + ".");
        }
        return problems;
    }

    private static List<String> schedule(Terms t, Policy p, LocalDate today, String currency) {
        List<String> problems = new ArrayList<>();
        if (t.schedule().isEmpty()) {
            problems.add("Give at least one date and amount.");
            return problems;
        }
        LocalDate previous = null;
        for (int i = 0; i < t.schedule().size(); i++) {
            Due d = t.schedule().get(i);
            if (d.on().isBefore(today)) {
                problems.add("Instalment " + (i + 1) + " is due on " + d.on() + ", before today (" + today + ").");
            }
            if (previous != null && !d.on().isAfter(previous)) {
                problems.add("Instalment " + (i + 1) + " is due on " + d.on() + ", not after the one before it.");
            }
            if (t.schedule().size() > 1 && d.amountMinor() < p.minInstalmentMinor()) {
                problems.add("Instalment " + (i + 1) + " of " + Money.ofMinor(d.amountMinor(), currency)
                        + " is below the smallest instalment allowed, " + Money.ofMinor(p.minInstalmentMinor(), currency)
                        + "; use fewer instalments.");
            }
            previous = d.on();
        }
        return problems;
    }
}
