package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.candor.compliance.Contact;
import io.candor.compliance.Hold;
import io.candor.compliance.Outcome;
import io.candor.compliance.Party;
import io.candor.compliance.gate.ContactRecords;
import io.candor.compliance.gate.Holds;
import io.candor.portfolio.AccountFacts;
import io.candor.portfolio.AccountReadModel;
import io.candor.portfolio.ContactPointKind;
import io.candor.portfolio.ContactTargets;
import io.candor.portfolio.Payments;
import io.candor.strategy.AccountSituation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads one partition of open accounts (an id range) from the modules that own each part, one set-based call each:
 * the accounts with their debtors (portfolio), the debtors' valid contact points (portfolio), their contact history
 * of the last 31 days — the rules' longest window, and the window of the attempt counts — and the accounts' holds
 * (compliance), their posted payments (portfolio), and strategy's own signals and paths.
 */
@Component
class PartitionReader {

    static final Duration LOOKBACK = Duration.ofDays(31);

    private final JdbcClient jdbc;
    private final AccountReadModel accounts;
    private final ContactTargets targets;
    private final ContactRecords records;
    private final Holds holds;
    private final Payments payments;

    PartitionReader(JdbcClient jdbc, AccountReadModel accounts, ContactTargets targets, ContactRecords records,
            Holds holds, Payments payments) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.targets = targets;
        this.records = records;
        this.holds = holds;
        this.payments = payments;
    }

    /** The inputs of the range, and each debtor's history (for the pre-check, which adds today's plan to it). */
    record Slice(List<PlanningInput> inputs, Map<UUID, List<Contact>> history) {
    }

    /** Strategy's own facts of an account: its signals with their counts, and the path it is on. */
    private record Own(Map<String, Integer> signals, @Nullable String path, @Nullable LocalDate enteredOn) {
        static final Own NONE = new Own(Map.of(), null, null);
    }

    /**
     * Reads the open accounts from {@code from} to {@code to} (exclusive; null bounds open) on the business date;
     * {@code toReporting} converts each currency's balance into the reporting currency.
     */
    Slice read(@Nullable UUID from, @Nullable UUID to, LocalDate date, Instant now,
            Map<String, BigDecimal> toReporting) {
        List<AccountFacts> open = accounts.openBetween(from, to);
        List<UUID> ids = open.stream().map(AccountFacts::id).toList();
        Set<UUID> debtors = new LinkedHashSet<>();
        open.forEach(a -> debtors.add(a.debtor()));
        Instant since = date.atStartOfDay(ZoneOffset.UTC).toInstant().minus(LOOKBACK);
        Map<UUID, List<Contact>> history = records.history(debtors, since, now);
        Map<UUID, List<ContactTargets.ReachablePoint>> points = targets.reachable(debtors);
        Map<UUID, Set<Hold>> inForce = holds.inForce(ids, date);
        Map<UUID, Payments.Recent> paid = payments.recent(ids, date);
        Map<UUID, Own> own = own(ids);
        List<PlanningInput> inputs = new ArrayList<>(open.size());
        for (AccountFacts a : open) {
            inputs.add(input(a, date, history.getOrDefault(a.debtor(), List.of()),
                    points.getOrDefault(a.debtor(), List.of()), inForce.getOrDefault(a.id(), Set.of()),
                    paid.get(a.id()), own.getOrDefault(a.id(), Own.NONE), toReporting));
        }
        return new Slice(inputs, history);
    }

    private Map<UUID, Own> own(List<UUID> ids) {
        Map<UUID, Own> own = new HashMap<>();
        if (ids.isEmpty()) {
            return own;
        }
        UUID[] array = ids.toArray(UUID[]::new);
        Map<UUID, Map<String, Integer>> signals = new HashMap<>();
        jdbc.sql("SELECT account_id, signal, count FROM account_signal WHERE account_id = ANY(:ids)")
                .param("ids", array)
                .query((rs, n) -> signals.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getInt(3)))
                .list();
        signals.forEach((account, s) -> own.put(account, new Own(s, null, null)));
        jdbc.sql("SELECT account_id, path, entered_on FROM account_path WHERE account_id = ANY(:ids)")
                .param("ids", array)
                .query((rs, n) -> {
                    UUID account = rs.getObject(1, UUID.class);
                    return own.put(account, new Own(own.getOrDefault(account, Own.NONE).signals(), rs.getString(2),
                            rs.getObject(3, LocalDate.class)));
                })
                .list();
        return own;
    }

    private static PlanningInput input(AccountFacts a, LocalDate date, List<Contact> contacts,
            List<ContactTargets.ReachablePoint> reachable, Set<Hold> holds, Payments.@Nullable Recent paid, Own own,
            Map<String, BigDecimal> toReporting) {
        String currency = a.balance().currency().getCurrencyCode();
        BigDecimal balance = BigDecimal.valueOf(a.balance().minor(),
                Currency.getInstance(currency).getDefaultFractionDigits());
        Map<String, Integer> signals = own.signals();
        LocalDate entered = own.enteredOn();
        String path = own.path();
        int attempts = 0;
        int withoutContact = 0;
        Instant lastReached = null;
        boolean reachedSinceEntry = false;
        Instant entry = entered == null ? null : entered.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Contact c : contacts) {
            attempts++;
            if (c.outcome() == Outcome.RIGHT_PARTY_CONTACT && c.party() == Party.DEBTOR) {
                lastReached = c.at();
                withoutContact = 0;
                reachedSinceEntry |= entry != null && !c.at().isBefore(entry);
            } else {
                withoutContact++;
            }
        }
        Integer daysSince = lastReached == null ? null
                : (int) ChronoUnit.DAYS.between(lastReached.atZone(ZoneOffset.UTC).toLocalDate(), date);
        AccountSituation.Arrangement arrangement = signals.containsKey("ARRANGEMENT_ACTIVE")
                ? AccountSituation.Arrangement.ACTIVE : signals.containsKey("ARRANGEMENT_BROKEN")
                ? AccountSituation.Arrangement.BROKEN : AccountSituation.Arrangement.NONE;
        String region = a.region() == null ? "" : a.region();
        Set<String> holdNames = new HashSet<>();
        holds.forEach(h -> holdNames.add(h.name()));
        AccountSituation situation = new AccountSituation(a.id(), a.bucket(), a.product(), a.language(), region,
                a.country(), currency, null, arrangement, a.dpd(), balance, attempts, withoutContact, daysSince,
                signals.getOrDefault("ARRANGEMENT_BROKEN", 0), signals.containsKey("NEGATIVE_EMOTION"),
                signals.containsKey("VULNERABLE"), signals.containsKey("ESCALATED"), holdNames,
                path == null || entered == null ? null : new AccountSituation.PathState(path, entered, reachedSinceEntry));
        List<PlanningInput.Point> mine = reachable.stream().map(p -> new PlanningInput.Point(p.kind(), p.value(),
                p.timeZones(), p.consents(), p.optedOut())).toList();
        Set<ZoneId> zones = new LinkedHashSet<>();
        reachable.stream().filter(p -> p.kind() == ContactPointKind.PHONE)
                .forEach(p -> p.timeZones().forEach(z -> zones.add(ZoneId.of(z))));
        BigDecimal rate = toReporting.get(currency);
        return new PlanningInput(situation, a.debtor(), a.creditorCode(), ContactTargets.jurisdiction(a.country(), region),
                // no rate: the balance cannot be ranked against others — it counts as nothing, and the run says so
                List.copyOf(zones), mine, rate == null ? BigDecimal.ZERO : balance.multiply(rate),
                paid == null ? PlanningInput.PaymentHistory.NONE : new PlanningInput.PaymentHistory(paid.last90Days(),
                        (int) ChronoUnit.DAYS.between(paid.lastPaidOn(), date)));
    }
}
