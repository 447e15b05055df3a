package io.candor.arrangement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeping track of a scheduled arrangement on a business date: what was paid under it goes to the instalments in
 * the order they fall due; an instalment not paid in full by its due date plus the grace days is missed, and a
 * missed instalment breaks the arrangement (partially kept when anything was paid under it).
 */
final class Monitoring {

    private Monitoring() {
    }

    /** An instalment's state: DUE (not yet missed), PAID, PARTIAL (part paid, not yet missed) or MISSED. */
    public record InstalmentState(int seq, Due due, long paidMinor, InstalmentStatus status) {
    }

    /** The instalments' states and the arrangement's status on {@code today}. */
    public record Reading(List<InstalmentState> instalments, Status status) {
    }

    public static Reading read(List<Due> schedule, long paidMinor, LocalDate today, int graceDays) {
        List<InstalmentState> states = new ArrayList<>();
        long left = paidMinor;
        boolean missed = false;
        for (int i = 0; i < schedule.size(); i++) {
            Due d = schedule.get(i);
            long paid = Math.min(left, d.amountMinor());
            left -= paid;
            InstalmentStatus status;
            if (paid == d.amountMinor()) {
                status = InstalmentStatus.PAID;
            } else if (today.isAfter(d.on().plusDays(graceDays))) {
                status = InstalmentStatus.MISSED;
                missed = true;
            } else {
                status = paid > 0 ? InstalmentStatus.PARTIAL : InstalmentStatus.DUE;
            }
            states.add(new InstalmentState(i + 1, d, paid, status));
        }
        long total = schedule.stream().mapToLong(Due::amountMinor).sum();
        Status status = paidMinor >= total ? Status.KEPT
                : missed ? (paidMinor > 0 ? Status.PARTIALLY_KEPT : Status.BROKEN) : Status.ACTIVE;
        return new Reading(states, status);
    }
}
