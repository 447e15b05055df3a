package io.candor.agent;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The agent's dialogue by keypad, for calls in a language with no speech recogniser here (Mandarin, Cantonese): one
 * keyed entry a turn, with no side effects, answered with the same actions as the spoken dialogue. Identity by the
 * date of birth (eight digits) or the ID's last four (star for X); then a menu — 1 a promise (amount, then the day as
 * month and day), 2 a plan (months, then 1 to accept), 3 a callback day, 4 a dispute, 0 a person, star the menu again,
 * hash the end. An entry ends with hash; a menu choice is one key.
 */
final class Keypad {

    private static final String AMOUNT = "KEYS:AMOUNT";
    private static final String DATE = "KEYS:DATE:";
    private static final String MONTHS = "KEYS:MONTHS";
    private static final String CALLBACK = "KEYS:CALLBACK";
    private static final String PLAN = "PLAN:";

    private Keypad() {
    }

    static String greeting(Dialogue.Debtor d) {
        return Phrases.say(d.locale(), "keys.greet", Map.of("creditor", d.creditor(), "name", d.name()));
    }

    /** What the agent awaits in a state: identity and amounts are entries, the menu and yes/no are choices. */
    static Conversations.Awaiting awaiting(Dialogue.State s) {
        String p = s.pending();
        if (s.phase() == ConversationState.VERIFYING || p != null && p.startsWith("KEYS:")) {
            return Conversations.Awaiting.ENTRY;
        }
        return Conversations.Awaiting.CHOICE;
    }

    /** The disclosure once verified, with the menu (or, under a hold that stops collection, only help and the end). */
    static String disclosure(Dialogue.Debtor d) {
        return Dialogue.disclosure(d) + " " + menu(d);
    }

    private static String menu(Dialogue.Debtor d) {
        return Phrases.say(d.locale(), d.held() != null ? "keys.heldMenu" : "keys.menu", Map.of());
    }

    /** One keyed entry ({@code keys} without the closing hash; a lone hash is the end) answered. */
    static Dialogue.Step turn(Dialogue.State s, Dialogue.Debtor d, String keys, LocalDate today) {
        String l = d.locale();
        if (s.phase() == ConversationState.VERIFYING) {
            return verify(s, d, keys);
        }
        if (!s.phase().going()) {
            return new Dialogue.Step(Phrases.say(l, "keys.goodbye", Map.of()), List.of(), s);
        }
        String p = s.pending();
        if (p != null && p.startsWith("KEYS:")) {
            return entry(s, d, p, keys, today);
        }
        if (p != null && p.startsWith(PLAN)) {
            int months = Integer.parseInt(p.substring(PLAN.length()));
            if (keys.equals("1")) {
                BigDecimal monthly = Dialogue.monthly(d, months);
                return new Dialogue.Step(Phrases.say(l, "planAccepted", Map.of("months", Integer.toString(months),
                        "monthly", Dialogue.money(d, monthly))) + " " + menu(d),
                        List.of(new Dialogue.Action.RequestPlan(months, monthly)), Dialogue.pending(s, null));
            }
            return new Dialogue.Step(menu(d), List.of(), Dialogue.pending(s, null));
        }
        return switch (keys) {
            case "" -> new Dialogue.Step(Phrases.say(l, "keys.goodbye", Map.of()), List.of(),
                    Dialogue.next(s, ConversationState.ENDED));
            case "0" -> new Dialogue.Step(Phrases.say(l, "keys.human", Map.of()),
                    List.of(new Dialogue.Action.Handover("REQUESTED")), Dialogue.next(s, ConversationState.HANDED_OVER));
            case "*" -> new Dialogue.Step(disclosure(d), List.of(), s);
            case "1", "2", "3", "4" -> d.held() != null
                    ? new Dialogue.Step(Phrases.say(l, "held", Map.of("why", Dialogue.why(d))) + " " + menu(d), List.of(), s)
                    : switch (keys) {
                        case "1" -> new Dialogue.Step(Phrases.say(l, "keys.amount", Map.of()), List.of(), Dialogue.pending(s, AMOUNT));
                        case "2" -> new Dialogue.Step(Phrases.say(l, "keys.months", Map.of()), List.of(), Dialogue.pending(s, MONTHS));
                        case "3" -> new Dialogue.Step(Phrases.say(l, "keys.callbackDate", Map.of()), List.of(),
                                Dialogue.pending(s, CALLBACK));
                        default -> new Dialogue.Step(Phrases.say(l, "dispute", Map.of()) + " "
                                + Phrases.say(l, "keys.goodbye", Map.of()), List.of(new Dialogue.Action.Dispute()),
                                Dialogue.next(s, ConversationState.ENDED));
                    };
            default -> new Dialogue.Step(Phrases.say(l, "keys.invalid", Map.of()) + " " + menu(d), List.of(), s);
        };
    }

    private static Dialogue.Step verify(Dialogue.State s, Dialogue.Debtor d, String keys) {
        String l = d.locale();
        if (keys.equals("9")) {
            return new Dialogue.Step(Phrases.say(l, "wrongParty", Map.of()), List.of(new Dialogue.Action.WrongParty()),
                    Dialogue.next(s, ConversationState.ENDED));
        }
        if (keys.equals("0")) {
            return new Dialogue.Step(Phrases.say(l, "keys.human", Map.of()),
                    List.of(new Dialogue.Action.Handover("REQUESTED")), Dialogue.next(s, ConversationState.HANDED_OVER));
        }
        boolean right = keys.length() == 8 && keys.chars().allMatch(Character::isDigit) && d.birthDate() != null
                && keys.equals(d.birthDate().toString().replace("-", ""))
                || keys.length() == 4 && d.idLast4() != null && keys.replace('*', 'X').equalsIgnoreCase(d.idLast4());
        if (right) {
            return new Dialogue.Step(disclosure(d), List.of(), Dialogue.next(s, ConversationState.VERIFIED));
        }
        int failed = s.failedChecks() + 1;
        return failed >= Dialogue.MAX_CHECKS
                ? new Dialogue.Step(Phrases.say(l, "notVerified", Map.of()), List.of(),
                        new Dialogue.State(ConversationState.ENDED, failed, s.refusals(), null))
                : new Dialogue.Step(Phrases.say(l, "keys.verifyAgain", Map.of()), List.of(),
                        new Dialogue.State(ConversationState.VERIFYING, failed, s.refusals(), null));
    }

    /** An entry the agent asked for: an amount, then a day, for a promise; the months of a plan; a callback day. */
    private static Dialogue.Step entry(Dialogue.State s, Dialogue.Debtor d, String pending, String keys, LocalDate today) {
        String l = d.locale();
        if (pending.equals(AMOUNT)) {
            if (!keys.matches("[1-9][0-9]{0,8}")) {
                return new Dialogue.Step(Phrases.say(l, "keys.invalid", Map.of()) + " " + Phrases.say(l, "keys.amount",
                        Map.of()), List.of(), s);
            }
            return new Dialogue.Step(Phrases.say(l, "keys.date", Map.of()), List.of(), Dialogue.pending(s, DATE + keys));
        }
        if (pending.startsWith(DATE)) {
            BigDecimal amount = new BigDecimal(pending.substring(DATE.length()));
            LocalDate by = day(keys, today);
            if (by == null) {
                return new Dialogue.Step(Phrases.say(l, "keys.invalid", Map.of()) + " " + Phrases.say(l, "keys.date",
                        Map.of()), List.of(), s);
            }
            if (by.isAfter(today.plusDays(Dialogue.PROMISE_DAYS))) {
                return new Dialogue.Step(Phrases.say(l, "promiseTooLate", Map.of("limit",
                        Integer.toString(Dialogue.PROMISE_DAYS), "latest", today.plusDays(Dialogue.PROMISE_DAYS).toString()))
                        + " " + Phrases.say(l, "keys.date", Map.of()), List.of(), s);
            }
            return new Dialogue.Step(Phrases.say(l, "promise", Map.of("date", by.toString(), "amount",
                    Dialogue.money(d, amount))) + " " + menu(d), List.of(new Dialogue.Action.RecordPromise(amount, by)),
                    Dialogue.pending(s, null));
        }
        if (pending.equals(MONTHS)) {
            int months = keys.matches("[0-9]{1,2}") ? Integer.parseInt(keys) : 0;
            if (months < 2 || months > Dialogue.MAX_MONTHS) {
                return new Dialogue.Step(Phrases.say(l, "keys.invalid", Map.of()) + " " + Phrases.say(l, "keys.months",
                        Map.of()), List.of(), s);
            }
            return new Dialogue.Step(Phrases.say(l, "keys.planOffer", Map.of("months", Integer.toString(months),
                    "monthly", Dialogue.money(d, Dialogue.monthly(d, months)))), List.of(), Dialogue.pending(s, PLAN + months));
        }
        LocalDate on = day(keys, today);
        if (on == null) {
            return new Dialogue.Step(Phrases.say(l, "keys.invalid", Map.of()) + " " + Phrases.say(l, "keys.callbackDate",
                    Map.of()), List.of(), s);
        }
        return new Dialogue.Step(Phrases.say(l, "callback", Map.of("time", on.toString())) + " "
                + Phrases.say(l, "keys.goodbye", Map.of()), List.of(new Dialogue.Action.Callback(on)),
                Dialogue.next(s, ConversationState.ENDED));
    }

    /** A day keyed as month and day (MMDD): the next such day from today, or none when it is no day. */
    static @Nullable LocalDate day(String keys, LocalDate today) {
        if (!keys.matches("[0-9]{4}")) {
            return null;
        }
        try {
            LocalDate d = LocalDate.of(today.getYear(), Integer.parseInt(keys.substring(0, 2)),
                    Integer.parseInt(keys.substring(2)));
            return d.isBefore(today) ? d.plusYears(1) : d;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Nothing keyed after a prompt and its repeat: the agent ends the call politely. */
    static Dialogue.Step silent(Dialogue.State s, Dialogue.Debtor d) {
        return new Dialogue.Step(Phrases.say(d.locale(), "keys.noInput", Map.of()), List.of(),
                Dialogue.next(s, ConversationState.ENDED));
    }

    /**
     * Keys on a call in words, read as what they stand for while the agent asks who the debtor is: eight digits a date
     * of birth, year first; others the ID's last characters (star for X). Once verified, the agent listens for words.
     */
    static String asWords(Dialogue.State s, String keys) {
        if (s.phase() == ConversationState.VERIFYING && keys.matches("[0-9]{8}")) {
            return keys.substring(0, 4) + "-" + keys.substring(4, 6) + "-" + keys.substring(6);
        }
        return keys.replace('*', 'X');
    }

    /** What of an entry may be kept: digits keyed to prove who the debtor is never are. */
    static String kept(Dialogue.State before, String keys) {
        return before.phase() == ConversationState.VERIFYING && !keys.equals("9") && !keys.equals("0")
                ? "x".repeat(keys.length()) : keys;
    }
}
