package io.candor.compliance;

import java.time.LocalTime;

/** Allowed local times from {@code from} (inclusive) to {@code to} (exclusive); {@code 24:00} is end of day. */
record TimeWindow(LocalTime from, LocalTime to, boolean toMidnight) {

    public static TimeWindow parse(String from, String to) {
        boolean midnight = to.equals("24:00");
        return new TimeWindow(LocalTime.parse(from), midnight ? LocalTime.MAX : LocalTime.parse(to), midnight);
    }

    public boolean contains(LocalTime t) {
        return !t.isBefore(from) && (toMidnight || t.isBefore(to));
    }

    public String describe() {
        return from + "-" + (toMidnight ? "24:00" : to.toString());
    }
}
