package io.candor.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.candor.arrangement.Arrangements;
import io.candor.arrangement.Offerer;
import io.candor.arrangement.Proposal;
import io.candor.compliance.Channel;
import io.candor.compliance.Hold;
import io.candor.compliance.Outcome;
import io.candor.compliance.Party;
import io.candor.compliance.gate.ContactGate;
import io.candor.compliance.gate.ContactRecords;
import io.candor.compliance.gate.Holds;
import io.candor.platform.Actor;
import io.candor.platform.money.Money;
import io.candor.portfolio.AccountFacts;
import io.candor.portfolio.AccountReadModel;
import io.candor.portfolio.ContactPointKind;
import io.candor.portfolio.ContactPointRef;
import io.candor.portfolio.ContactTargets;
import io.candor.strategy.planning.AccountSignals;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A fortnight of history for the demo portfolio, made through the real services, so the first plan shows every
 * tier and hand-off: late accounts the AI agent called six times without an answer (legal), complaints (to a
 * supervisor), disputes (stopped), promises kept and broken, vulnerable and upset debtors (to human care).
 */
@Component
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final Actor AGENT = Actor.of(new UUID(0, 0), "demo-ai-agent");

    private record Sample(UUID account, String bucket, @Nullable UUID phone, @Nullable String zone) {
    }

    private final AccountReadModel accounts;
    private final ContactTargets targets;
    private final ContactRecords records;
    private final ContactGate gate;
    private final Holds holds;
    private final AccountSignals signals;
    private final Arrangements arrangements;

    DemoHistory(AccountReadModel accounts, ContactTargets targets, ContactRecords records, ContactGate gate, Holds holds,
            AccountSignals signals, Arrangements arrangements) {
        this.arrangements = arrangements;
        this.accounts = accounts;
        this.targets = targets;
        this.records = records;
        this.gate = gate;
        this.holds = holds;
        this.signals = signals;
    }

    /**
     * In the tenant's context: nothing happens while the tenant has recent contact history (a demo data directory
     * reused weeks later gets a fresh fortnight, since the strategy looks back 31 days).
     */
    void seed(String slug, LocalDate businessDate) {
        if (records.anyDecisionSince(businessDate.minusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return;
        }
        List<Sample> late = new ArrayList<>();
        List<Sample> others = new ArrayList<>();
        List<AccountFacts> open = accounts.openBetween(null, null);
        Map<UUID, List<ContactTargets.ReachablePoint>> points = targets.reachable(open.stream()
                .map(AccountFacts::debtor).distinct().toList());
        open.stream().map(a -> {
                    // the debtor's first valid phone, and its first zone
                    ContactTargets.ReachablePoint phone = points.getOrDefault(a.debtor(), List.of()).stream()
                            .filter(p -> p.kind() == ContactPointKind.PHONE).findFirst().orElse(null);
                    return new Sample(a.id(), a.bucket(), phone == null ? null : phone.id(),
                            phone == null || phone.timeZones().isEmpty() ? null : phone.timeZones().getFirst());
                })
                .forEach(s -> (List.of("M4", "M5", "M6", "M7+").contains(s.bucket()) && s.phone() != null
                        && s.zone() != null ? late : others).add(s));
        int unanswered = 0;
        for (Sample s : late.subList(0, Math.min(40, late.size()))) {
            unanswered += callsWithoutAnswer(s, businessDate) ? 1 : 0;
        }
        int i = 0;
        for (Sample s : others) {
            String source = "demo";
            switch (i++) {
                case 0, 1, 2 -> holds.set(s.account(), Hold.COMPLAINT_OPEN, "演示：债务人投诉来电过于频繁 "
                        + "(demo: the debtor complained about call frequency)", null, source);
                case 3, 4 -> holds.set(s.account(), Hold.DISPUTE, "演示：债务人对金额有异议 (demo: amount disputed)",
                        null, source);
                case 5, 6, 7, 8, 9, 10, 11, 12 -> promise(s.account(), businessDate);
                case 13, 14, 15, 16 -> signals.raise(s.account(), AccountSignals.Signal.ARRANGEMENT_BROKEN, source);
                case 17, 18, 19 -> signals.raise(s.account(), AccountSignals.Signal.VULNERABLE, source);
                case 20, 21, 22 -> signals.raise(s.account(), AccountSignals.Signal.NEGATIVE_EMOTION, source);
                default -> {
                }
            }
            if (i > 22) {
                break;
            }
        }
        log.info("Demo tenant {}: history seeded ({} late accounts called six times without an answer, complaints, "
                + "disputes, promises, vulnerable and upset debtors)", slug, unanswered);
    }

    /** A collector's promise to pay a fifth of the balance in a week: a real arrangement, in force at once. */
    private void promise(UUID account, LocalDate businessDate) {
        Money balance = accounts.require(account).balance();
        Money fifth = new Money(balance.minor() / 5, balance.currency());
        if (fifth.minor() > 0) {
            arrangements.propose(account, Proposal.promise(fifth.amount(), businessDate.plusDays(7)), Offerer.COLLECTOR,
                    "collector", "demo-promise:" + account);
        }
    }

    /** Six AI calls on alternate days, 10:30 the debtor's time, none answered; false if the rules refused one. */
    private boolean callsWithoutAnswer(Sample s, LocalDate businessDate) {
        for (int k = 0; k < 6; k++) {
            LocalDate day = businessDate.minusDays(13 - 2L * k);
            ContactGate.Answer answer = gate.decide(new ContactGate.Request(s.account(), Channel.VOICE_AI, Party.DEBTOR,
                    ContactPointRef.of(Objects.requireNonNull(s.phone())), day.atTime(LocalTime.of(10, 30))
                    .atZone(ZoneId.of(Objects.requireNonNull(s.zone()))).toInstant()), AGENT);
            if (answer.reservation() == null) {
                return false;
            }
            gate.recordOutcome(answer.reservation(), Outcome.NO_ANSWER);
        }
        return true;
    }
}
