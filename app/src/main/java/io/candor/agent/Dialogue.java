package io.candor.agent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.candor.agent.nlu.Labels;
import io.candor.agent.nlu.Nlu;
import io.candor.compliance.Hold;
import io.candor.platform.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The agent's decisions, one turn at a time, with no side effects: the service carries out the actions. The right
 * party is verified (a date of birth or the last four characters of the ID) before the debt is mentioned; anger,
 * distress and any sign of vulnerability hand the conversation to a person; every intent has its answer.
 */
final class Dialogue {

    /** Promises further out than this are not agreed by the agent. */
    static final int PROMISE_DAYS = 30;
    /** The longest plan the agent may offer. */
    static final int MAX_MONTHS = 12;
    static final int MAX_CHECKS = 3;

    /**
     * Who the agent is talking to, as the records have them; {@code held} is the hold in force that stops collection
     * (the agent then neither presses for payment nor takes promises), {@code spoken} whether it is a call.
     */
    record Debtor(String name, String creditor, Money balance, @Nullable LocalDate birthDate, @Nullable String idLast4,
                  String locale, @Nullable Hold held, boolean spoken) {

        Debtor(String name, String creditor, Money balance, @Nullable LocalDate birthDate, @Nullable String idLast4,
               String locale) {
            this(name, creditor, balance, birthDate, idLast4, locale, null, false);
        }
    }

    /** What the debtor may ask that is collection: under a hold the agent answers none of it with collection. */
    private static final Set<Labels.Intent> COLLECTING = EnumSet.of(Labels.Intent.PROMISE_TO_PAY,
            Labels.Intent.REQUEST_INSTALLMENT, Labels.Intent.REFUSE_TO_PAY, Labels.Intent.CALLBACK_LATER,
            Labels.Intent.IDENTITY_CONFIRM, Labels.Intent.OTHER);

    /** Where the conversation stands. */
    record State(ConversationState phase, int failedChecks, int refusals, @Nullable String pending) {
        static final State START = new State(ConversationState.VERIFYING, 0, 0, null);
    }

    /** What the service must do after the turn. */
    sealed interface Action {
        record RecordPromise(BigDecimal amount, LocalDate by) implements Action {
        }

        record RequestPlan(int months, BigDecimal monthly) implements Action {
        }

        record HardshipPause() implements Action {
        }

        record Dispute() implements Action {
        }

        record PaidClaim() implements Action {
        }

        record WrongParty() implements Action {
        }

        record Callback(LocalDate on) implements Action {
        }

        record Complaint() implements Action {
        }

        record FlagVulnerable() implements Action {
        }

        record Handover(String reason) implements Action {
        }
    }

    /** The agent's answer, what to do, and the next state. */
    record Step(String reply, List<Action> actions, State next) {
    }

    private static final Pattern VULNERABLE = Pattern.compile(
            "自杀|自殺|不想活|活不下去|轻生|輕生|想死|suicid|kill myself|end it all|don't see the point|no point living",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTHS = Pattern.compile("(\\d{1,2})\\s*(期|个月|個月|months?)");
    private static final Pattern AGREE = Pattern.compile("同意|可以|好的|行|接受|agree|yes|ok|accept", Pattern.CASE_INSENSITIVE);

    private Dialogue() {
    }

    static String greeting(Debtor d) {
        return Phrases.say(d.locale(), d.spoken() ? "greet" : "greetText", Map.of("creditor", d.creditor(), "name",
                d.name()));
    }

    /**
     * What the agent says once the right party is known: the creditor and the balance; under a hold that stops
     * collection, that collection is paused and why, and who handles it — no balance to pay, no ask.
     */
    static String disclosure(Debtor d) {
        if (d.held() != null) {
            return Phrases.say(d.locale(), "heldDisclose", Map.of("creditor", d.creditor(), "why", why(d)));
        }
        return Phrases.say(d.locale(), "disclose", Map.of("creditor", d.creditor(), "balance",
                money(d, d.balance().amount())));
    }

    static String why(Debtor d) {
        return Phrases.say(d.locale(), "hold." + Objects.requireNonNull(d.held()).name(), Map.of());
    }

    static Step turn(State s, Debtor d, Nlu.Reading r, String text, LocalDate today) {
        String l = d.locale();
        if (VULNERABLE.matcher(text).find()) {
            return new Step(Phrases.say(l, "support", Map.of()), List.of(new Action.FlagVulnerable(),
                    new Action.Handover("VULNERABLE")), next(s, ConversationState.HANDED_OVER));
        }
        if (s.phase() == ConversationState.HANDED_OVER || s.phase() == ConversationState.ENDED) {
            return new Step(Phrases.say(l, "human", Map.of()), List.of(), s);
        }
        if (s.phase() == ConversationState.VERIFYING) {
            return verify(s, d, r, text, l);
        }
        if (r.emotion() == Labels.Emotion.ANGRY && r.intent() != Labels.Intent.COMPLAINT
                || r.emotion() == Labels.Emotion.DISTRESSED) {
            List<Action> actions = new ArrayList<>();
            if (r.emotion() == Labels.Emotion.DISTRESSED) {
                actions.add(new Action.FlagVulnerable());
            }
            actions.add(new Action.Handover("NEGATIVE_EMOTION"));
            return new Step(Phrases.say(l, "calm", Map.of()), actions, next(s, ConversationState.HANDED_OVER));
        }
        if (d.held() != null && (COLLECTING.contains(r.intent())
                || s.pending() != null && s.pending().startsWith("PLAN:") && AGREE.matcher(text).find())) {
            // a hold stops collection: no promise, no plan, no callback to collect; the person who handles it instead
            return new Step(Phrases.say(l, "held", Map.of("why", why(d))), List.of(), pending(s, null));
        }
        if (s.pending() != null && s.pending().startsWith("PLAN:") && AGREE.matcher(text).find()
                && r.intent() != Labels.Intent.REFUSE_TO_PAY) {
            int months = Integer.parseInt(s.pending().substring(5));
            BigDecimal monthly = monthly(d, months);
            return new Step(Phrases.say(l, "planAccepted", Map.of("months", Integer.toString(months), "monthly",
                    money(d, monthly))), List.of(new Action.RequestPlan(months, monthly)),
                    new State(ConversationState.VERIFIED, s.failedChecks(), s.refusals(), null));
        }
        Optional<BigDecimal> amount = Extract.amount(text);
        Optional<LocalDate> date = Extract.date(text, today);
        if (r.intent() == Labels.Intent.PROMISE_TO_PAY || "PROMISE".equals(s.pending()) && amount.isPresent()
                && date.isPresent()) {
            if (amount.isEmpty() || date.isEmpty()) {
                return new Step(Phrases.say(l, "askPromise", Map.of()), List.of(), pending(s, "PROMISE"));
            }
            if (date.get().isAfter(today.plusDays(PROMISE_DAYS))) {
                return new Step(Phrases.say(l, "promiseTooLate", Map.of("limit", Integer.toString(PROMISE_DAYS),
                        "latest", today.plusDays(PROMISE_DAYS).toString())), List.of(), pending(s, "PROMISE"));
            }
            return new Step(Phrases.say(l, "promise", Map.of("date", date.get().toString(), "amount",
                    money(d, amount.get()))), List.of(new Action.RecordPromise(amount.get(), date.get())),
                    pending(s, null));
        }
        return switch (r.intent()) {
            case REQUEST_INSTALLMENT -> {
                Matcher m = MONTHS.matcher(text);
                int months = m.find() ? Math.max(2, Math.min(MAX_MONTHS, Integer.parseInt(m.group(1)))) : 6;
                yield new Step(Phrases.say(l, d.spoken() ? "planSpoken" : "plan", Map.of("months",
                        Integer.toString(months), "monthly", money(d, monthly(d, months)))), List.of(),
                        pending(s, "PLAN:" + months));
            }
            case HARDSHIP -> new Step(Phrases.say(l, "hardship", Map.of()), List.of(new Action.HardshipPause(),
                    new Action.Handover("HARDSHIP")), next(s, ConversationState.HANDED_OVER));
            case DISPUTE -> new Step(Phrases.say(l, "dispute", Map.of()), List.of(new Action.Dispute()), next(s, ConversationState.ENDED));
            case ALREADY_PAID -> new Step(Phrases.say(l, "paid", Map.of()), List.of(new Action.PaidClaim()),
                    next(s, ConversationState.ENDED));
            case WRONG_PARTY -> new Step(Phrases.say(l, "wrongParty", Map.of()), List.of(new Action.WrongParty()),
                    next(s, ConversationState.ENDED));
            case CALLBACK_LATER -> new Step(Phrases.say(l, "callback", Map.of("time",
                    date.orElse(today.plusDays(1)).toString())), List.of(new Action.Callback(date.orElse(today.plusDays(1)))),
                    next(s, ConversationState.ENDED));
            case REFUSE_TO_PAY -> s.refusals() >= 1
                    ? new Step(Phrases.say(l, "human", Map.of()), List.of(new Action.Handover("REFUSAL")),
                            new State(ConversationState.HANDED_OVER, s.failedChecks(), s.refusals() + 1, null))
                    : new Step(Phrases.say(l, "refuse", Map.of()), List.of(),
                            new State(ConversationState.VERIFIED, s.failedChecks(), s.refusals() + 1, s.pending()));
            case REQUEST_HUMAN -> new Step(Phrases.say(l, "human", Map.of()), List.of(new Action.Handover("REQUESTED")),
                    next(s, ConversationState.HANDED_OVER));
            case COMPLAINT -> new Step(Phrases.say(l, "complaint", Map.of()), List.of(new Action.Complaint(),
                    new Action.Handover("COMPLAINT")), next(s, ConversationState.HANDED_OVER));
            case PROMISE_TO_PAY, IDENTITY_CONFIRM, OTHER -> new Step(Phrases.say(l, "other", Map.of()), List.of(), s);
        };
    }

    /** Before the debt is mentioned: who is this? A third party or a wrong number never hears about the debt. */
    private static Step verify(State s, Debtor d, Nlu.Reading r, String text, String l) {
        if (r.intent() == Labels.Intent.WRONG_PARTY) {
            return new Step(Phrases.say(l, "wrongParty", Map.of()), List.of(new Action.WrongParty()), next(s, ConversationState.ENDED));
        }
        Optional<LocalDate> birth = Extract.birthDate(text);
        Optional<String> last4 = birth.isPresent() ? Optional.empty() : Extract.last4(text);
        if (birth.isPresent() || last4.isPresent()) {
            boolean right = birth.isPresent() && birth.get().equals(d.birthDate())
                    || last4.isPresent() && d.idLast4() != null && last4.get().equalsIgnoreCase(d.idLast4());
            if (right) {
                return new Step(disclosure(d), List.of(), next(s, ConversationState.VERIFIED));
            }
            int failed = s.failedChecks() + 1;
            return failed >= MAX_CHECKS
                    ? new Step(Phrases.say(l, "notVerified", Map.of()), List.of(), new State(ConversationState.ENDED, failed, s.refusals(), null))
                    : new Step(Phrases.say(l, "verifyAgain", Map.of()), List.of(),
                            new State(ConversationState.VERIFYING, failed, s.refusals(), null));
        }
        if (r.intent() == Labels.Intent.REQUEST_HUMAN) {
            return new Step(Phrases.say(l, "human", Map.of()), List.of(new Action.Handover("REQUESTED")),
                    next(s, ConversationState.HANDED_OVER));
        }
        return new Step(Phrases.say(l, "verify", Map.of()), List.of(), s);
    }

    static BigDecimal monthly(Debtor d, int months) {
        return d.balance().amount().divide(BigDecimal.valueOf(months), 2, RoundingMode.UP);
    }

    static String money(Debtor d, BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " " + d.balance().currency().getCurrencyCode()
                .toUpperCase(Locale.ROOT);
    }

    static State next(State s, ConversationState phase) {
        return new State(phase, s.failedChecks(), s.refusals(), null);
    }

    static State pending(State s, @Nullable String pending) {
        return new State(s.phase(), s.failedChecks(), s.refusals(), pending);
    }
}
