package io.candor.compliance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Contact only inside the allowed local windows of each weekday (none listed: no contact that day), with other
 * windows on public holidays. With several candidate time zones, a time must be allowed in every one of them.
 * A consent (e.g. {@code CONTACT_OUTSIDE_HOURS}) waives the rule where the law allows.
 */
record QuietHours(String id, Source source, Map<DayOfWeek, List<TimeWindow>> allowed,
                         Set<LocalDate> holidays, List<TimeWindow> onHolidays, Set<Channel> channels,
                         @Nullable String waivedBy) implements Rule {

    private static final int SEARCH_DAYS = 15;

    @Override
    public Verdict check(Scenario s) {
        if (!channels.contains(s.channel()) || s.consents(waivedBy) || allowedEverywhere(s.at(), s.timeZones())) {
            return Verdict.PASS;
        }
        return next(s.at(), s.timeZones()).map(t -> Verdict.until(id, t)).orElseGet(() -> Verdict.never(id));
    }

    private boolean allowedEverywhere(Instant t, List<ZoneId> zones) {
        return zones.stream().allMatch(z -> allowed(t.atZone(z)));
    }

    private boolean allowed(ZonedDateTime local) {
        return windows(local.toLocalDate()).stream().anyMatch(w -> w.contains(local.toLocalTime()));
    }

    private List<TimeWindow> windows(LocalDate date) {
        return holidays.contains(date) ? onHolidays : allowed.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** The earliest time after {@code t} allowed in every zone. */
    private Optional<Instant> next(Instant t, List<ZoneId> zones) {
        Instant candidate = t;
        for (int round = 0; round < 64; round++) {
            Instant latest = candidate;
            for (ZoneId z : zones) {
                Optional<Instant> n = nextIn(candidate, z);
                if (n.isEmpty()) {
                    return Optional.empty();
                }
                if (n.get().isAfter(latest)) {
                    latest = n.get();
                }
            }
            if (allowedEverywhere(latest, zones)) {
                return Optional.of(latest);
            }
            candidate = latest.equals(candidate) ? candidate.plusSeconds(60) : latest;
        }
        return Optional.empty();
    }

    /** The earliest time at or after {@code t} allowed in one zone. */
    private Optional<Instant> nextIn(Instant t, ZoneId zone) {
        ZonedDateTime local = t.atZone(zone);
        if (allowed(local)) {
            return Optional.of(t);
        }
        for (int d = 0; d < SEARCH_DAYS; d++) {
            LocalDate date = local.toLocalDate().plusDays(d);
            Optional<Instant> start = windows(date).stream()
                    .map(w -> ZonedDateTime.of(date, w.from(), zone).toInstant())
                    .filter(i -> i.isAfter(t))
                    .min(Instant::compareTo);
            if (start.isPresent()) {
                return start;
            }
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("contact only ");
        Map<List<TimeWindow>, List<DayOfWeek>> byWindows = new LinkedHashMap<>();
        allowed.forEach((day, w) -> byWindows.computeIfAbsent(w, k -> new ArrayList<>()).add(day));
        byWindows.forEach((w, days) -> b.append(days.stream().map(d -> d.name().substring(0, 3)).toList()).append(' ')
                .append(w.stream().map(TimeWindow::describe).toList()).append("; "));
        if (!holidays.isEmpty()) {
            b.append("public holidays (").append(holidays.size()).append(" listed): ")
                    .append(onHolidays.isEmpty() ? "no contact" : onHolidays.stream().map(TimeWindow::describe).toList())
                    .append("; ");
        }
        b.append("days not listed: no contact; local time in every candidate zone; channels ").append(channels);
        return waivedBy == null ? b.toString() : b + "; waived by consent " + waivedBy;
    }
}
