package io.candor.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * At most {@code max} counted contacts in a window. What is counted, per what, and over which window differ by
 * jurisdiction and are explicit: unanswered attempts per contact point per calendar day (CN), effective calls per
 * debtor per calendar day, AI calls included (CN), calls per debt in a rolling 7 days (US), reminders per day (VN).
 * The proposed contact is refused when the count has already reached {@code max}.
 */
record FrequencyCap(String id, Source source, Counted counted, Scope scope, Window window, int max,
                           Set<Channel> channels) implements Rule {

    /** What a cap counts. */
    public enum Counted {
        /** every dial or send, whatever came of it */
        ATTEMPT,
        /** dials that reached no one */
        UNANSWERED_ATTEMPT,
        /** connected conversations with the debtor */
        EFFECTIVE_CALL,
        /** communications that reached someone (conversations, delivered messages) */
        REACHED
    }

    /** Per what a cap counts. */
    public enum Scope { DEBT, DEBTOR, CONTACT_POINT }

    /** A calendar day in the debtor's (first) time zone, or a rolling number of days. */
    public record Window(boolean calendarDay, int days) {

        public static Window parse(String s) {
            if (s.equals("CALENDAR_DAY")) {
                return new Window(true, 1);
            }
            if (s.startsWith("ROLLING_") && s.endsWith("_DAYS")) {
                return new Window(false, Integer.parseInt(s.substring(8, s.length() - 5)));
            }
            throw new IllegalArgumentException("window must be CALENDAR_DAY or ROLLING_<n>_DAYS, got " + s);
        }
    }

    @Override
    public Verdict check(Scenario s) {
        if (!channels.contains(s.channel())) {
            return Verdict.PASS;
        }
        ZoneId zone = s.timeZones().getFirst();
        List<Instant> counted = s.history().stream()
                .filter(c -> channels.contains(c.channel()))
                .filter(c -> c.at().isBefore(s.at()) || c.at().equals(s.at()))
                .filter(what())
                .filter(c -> switch (scope) {
                    case DEBT -> true;
                    case DEBTOR -> c.party() == Party.DEBTOR;
                    case CONTACT_POINT -> Objects.equals(c.contactPoint(), s.contactPoint());
                })
                .map(Contact::at)
                .filter(at -> inWindow(at, s.at(), zone))
                .sorted()
                .toList();
        if (counted.size() < max) {
            return Verdict.PASS;
        }
        Instant retry = window.calendarDay()
                ? s.at().atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant()
                : counted.get(counted.size() - max).plus(Duration.ofDays(window.days()));
        return Verdict.until(id, retry);
    }

    private Predicate<Contact> what() {
        return switch (counted) {
            case ATTEMPT -> c -> true;
            case UNANSWERED_ATTEMPT -> c -> c.outcome().unanswered();
            case EFFECTIVE_CALL -> Contact::effectiveCall;
            case REACHED -> c -> c.outcome().reached();
        };
    }

    private boolean inWindow(Instant contact, Instant now, ZoneId zone) {
        if (window.calendarDay()) {
            LocalDate day = now.atZone(zone).toLocalDate();
            return contact.atZone(zone).toLocalDate().equals(day);
        }
        return contact.isAfter(now.minus(Duration.ofDays(window.days())));
    }

    @Override
    public String describe() {
        return "at most " + max + " " + counted.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "s per "
                + scope.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " per "
                + (window.calendarDay() ? "calendar day (debtor's zone)" : "rolling " + window.days() + " days")
                + "; channels " + channels;
    }
}
