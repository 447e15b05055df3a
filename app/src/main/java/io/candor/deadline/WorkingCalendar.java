package io.candor.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * A jurisdiction's working days: every day but its weekend days and public holidays, plus the weekend days it makes
 * working days (China's 调休). Holidays are known between {@code from} and {@code to}; outside, only weekends count.
 */
record WorkingCalendar(String jurisdiction, Set<DayOfWeek> weekend, Set<LocalDate> holidays,
                              Set<LocalDate> workingWeekendDays, LocalDate from, LocalDate to, String source) {

    WorkingCalendar {
        weekend = Set.copyOf(weekend);
        holidays = Set.copyOf(holidays);
        workingWeekendDays = Set.copyOf(workingWeekendDays);
    }

    /** A calendar of weekends alone (Saturday and Sunday), for a jurisdiction without one of its own. */
    static WorkingCalendar weekendsOnly(String jurisdiction) {
        return new WorkingCalendar(jurisdiction, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(), Set.of(),
                LocalDate.MIN, LocalDate.MAX, "Saturdays and Sundays only: no holiday calendar is held");
    }

    boolean isWorkingDay(LocalDate d) {
        if (holidays.contains(d)) {
            return false;
        }
        return !weekend.contains(d.getDayOfWeek()) || workingWeekendDays.contains(d);
    }

    /** {@code d} if it is a working day, else the next one. */
    LocalDate onOrAfter(LocalDate d) {
        LocalDate x = d;
        while (!isWorkingDay(x)) {
            x = x.plusDays(1);
        }
        return x;
    }

    /** The {@code n}th working day after {@code d} ({@code d} itself not counted). */
    LocalDate plusWorkingDays(LocalDate d, int n) {
        LocalDate x = d;
        for (int i = 0; i < n; i++) {
            x = onOrAfter(x.plusDays(1));
        }
        return x;
    }

    /** Whether the holidays of {@code d}'s date are known. */
    boolean covers(LocalDate d) {
        return !d.isBefore(from) && !d.isAfter(to);
    }
}
