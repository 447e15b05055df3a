package io.candor.portfolio;

import static io.candor.platform.Timestamps.utc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.ids.Ids;
import io.candor.platform.money.Money;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.NotFoundException;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments on accounts: converted into the account's currency at the recorded rate, allocated by the
 * creditor's waterfall (default fees → penalty → interest → principal), any excess held as credit; an account
 * paid in full closes. A reversal (a bounced payment) restores exactly what the payment took.
 */
@Service
public class Payments {

    /** A balance component, in waterfall order names. */
    public enum Component { FEES, PENALTY, INTEREST, PRINCIPAL }

    /** A payment to post. */
    public record Request(UUID account, BigDecimal amount, String currency, LocalDate paidOn, String reference,
                          String source) {
    }

    /** A payment as posted: the amount paid, what it came to in the account's currency, and where it went. */
    public record Payment(UUID id, UUID accountId, LocalDate paidOn, Money amount, Money applied,
                          @Nullable BigDecimal rate, @Nullable LocalDate rateDate, Allocation allocation,
                          String reference, String source, String status, @Nullable String reversalReason) {
    }

    /** Where a payment went, in the account's currency. */
    public record Allocation(Money fees, Money penalty, Money interest, Money principal, Money credit) {
    }

    private final JdbcClient jdbc;
    private final ExchangeRates rates;
    private final AuditTrail audit;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    private final Tenants tenants;

    Payments(JdbcClient jdbc, ExchangeRates rates, AuditTrail audit, Clock clock,
            ApplicationEventPublisher events, Tenants tenants) {
        this.tenants = tenants;
        this.events = events;
        this.jdbc = jdbc;
        this.rates = rates;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Posts a payment; the same reference on the same account again returns the first posting unchanged.
     * Its refusals come before any write, so they do not spoil a surrounding transaction (a payment file).
     */
    @Transactional(noRollbackFor = {BadRequestException.class, ConflictException.class, NotFoundException.class})
    public Payment post(Request r) {
        if (r.amount().signum() <= 0) {
            throw new BadRequestException("amount must be greater than zero, got " + r.amount());
        }
        if (r.amount().compareTo(Bounds.MAX_AMOUNT) > 0) {
            throw new BadRequestException("amount " + r.amount().toPlainString() + " is larger than the largest amount "
                    + "Candor accepts (" + Bounds.MAX_AMOUNT.toPlainString() + ").");
        }
        LocalDate today = tenants.businessDate(TenantContext.require());
        LocalDate latest = Collections.max(List.of(today,
                LocalDate.now(clock))).plusDays(1);
        if (r.paidOn().isAfter(latest) || r.paidOn().isBefore(today.minusYears(Bounds.PAST_YEARS))) {
            throw new BadRequestException("paidOn " + r.paidOn() + " is out of range: a payment is dated on or before "
                    + latest + " (a payment cannot be made in the future) and within " + Bounds.PAST_YEARS
                    + " years before the business date " + today + ".");
        }
        Currency paid = currency(r.currency());
        Money amount;
        try {
            amount = Money.of(r.amount(), paid);
        } catch (ArithmeticException e) {
            throw new BadRequestException("amount " + r.amount() + " has more decimals than " + paid + " allows ("
                    + paid.getDefaultFractionDigits() + ")");
        }
        LockedAccount a = lock(r.account());
        Optional<Payment> earlier = byReference(r.account(), r.reference());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (a.status().equals("RECALLED")) {
            throw new ConflictException("Account " + r.account() + " was recalled by the creditor; payments go to the creditor.");
        }
        ExchangeRates.Rate rate = rates.rate(r.paidOn(), paid.getCurrencyCode(), a.currency().getCurrencyCode())
                .orElseThrow(() -> new BadRequestException("There is no " + paid + "→" + a.currency()
                        + " exchange rate on or within " + ExchangeRates.LOOKBACK_DAYS + " days before " + r.paidOn()
                        + ". Add one with POST /api/v1/exchange-rates."));
        long applied = amount.amount().multiply(rate.rate())
                .setScale(Math.max(0, a.currency().getDefaultFractionDigits()), RoundingMode.HALF_EVEN)
                .movePointRight(Math.max(0, a.currency().getDefaultFractionDigits())).longValueExact();
        Map<Component, Long> taken = new EnumMap<>(Component.class);
        long remaining = applied;
        for (Component c : a.waterfall()) {
            long take = Math.min(remaining, a.balance().getOrDefault(c, 0L));
            taken.put(c, take);
            remaining -= take;
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                        UPDATE account SET fees_minor = fees_minor - :fees, penalty_minor = penalty_minor - :penalty,
                               interest_minor = interest_minor - :interest, principal_minor = principal_minor - :principal,
                               credit_minor = credit_minor + :credit,
                               status = CASE WHEN principal_minor + interest_minor + fees_minor + penalty_minor
                                                  = :fees + :penalty + :interest + :principal THEN 'CLOSED' ELSE status END
                        WHERE id = :id""")
                .param("fees", taken.get(Component.FEES)).param("penalty", taken.get(Component.PENALTY))
                .param("interest", taken.get(Component.INTEREST)).param("principal", taken.get(Component.PRINCIPAL))
                .param("credit", remaining).param("id", r.account()).update();
        boolean converted = !paid.equals(a.currency());
        jdbc.sql("""
                        INSERT INTO payment (tenant_id, id, account_id, paid_on, amount_minor, currency, applied_minor,
                                             rate, rate_date, to_fees, to_penalty, to_interest, to_principal, to_credit,
                                             reference, source, status, posted_at)
                        VALUES (:tenant, :id, :account, :paidOn, :amount, :currency, :applied, :rate, :rateDate, :fees,
                                :penalty, :interest, :principal, :credit, :reference, :source, 'POSTED', :now)""")
                .param("tenant", TenantContext.require()).param("id", id).param("account", r.account())
                .param("paidOn", r.paidOn()).param("amount", amount.minor()).param("currency", paid.getCurrencyCode())
                .param("applied", applied).param("rate", converted ? rate.rate() : null)
                .param("rateDate", converted ? rate.date() : null)
                .param("fees", taken.get(Component.FEES)).param("penalty", taken.get(Component.PENALTY))
                .param("interest", taken.get(Component.INTEREST)).param("principal", taken.get(Component.PRINCIPAL))
                .param("credit", remaining).param("reference", r.reference()).param("source", r.source())
                .param("now", now()).update();
        audit.record(AuditEntry.of(AuditAction.PAYMENT_POSTED, "account", r.account()).withDetail(Map.of(
                "payment", id.toString(), "amount", amount.toString(), "applied", applied, "reference", r.reference())));
        events.publishEvent(EvidenceEvent.of(EvidenceType.PAYMENT_POSTED, EvidenceEvent.Subject.account(r.account()), clock.instant(),
                Map.of("payment", id.toString(), "amount", amount.toString(), "appliedMinor", Long.toString(applied),
                        "paidOn", r.paidOn().toString())));
        events.publishEvent(new PaymentPosted(r.account(), id));
        return find(id).orElseThrow();
    }

    /** Reverses a payment (e.g. it bounced); reversing twice changes nothing more. */
    @Transactional
    public Payment reverse(UUID paymentId, String reason) {
        Payment p = find(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
        lock(p.accountId());
        String status = jdbc.sql("SELECT status FROM payment WHERE id = :id FOR UPDATE").param("id", paymentId)
                .query(String.class).single();
        if (status.equals("REVERSED")) {
            return p;
        }
        Allocation al = p.allocation();
        int credit = jdbc.sql("""
                        UPDATE account SET fees_minor = fees_minor + :fees, penalty_minor = penalty_minor + :penalty,
                               interest_minor = interest_minor + :interest, principal_minor = principal_minor + :principal,
                               credit_minor = credit_minor - :credit,
                               status = CASE WHEN status = 'CLOSED' THEN 'OPEN' ELSE status END
                        WHERE id = :id AND credit_minor >= :credit""")
                .param("fees", al.fees().minor()).param("penalty", al.penalty().minor())
                .param("interest", al.interest().minor()).param("principal", al.principal().minor())
                .param("credit", al.credit().minor()).param("id", p.accountId()).update();
        if (credit == 0) {
            throw new ConflictException("The credit this payment left on the account has been used since; reverse the "
                    + "later use first.");
        }
        jdbc.sql("UPDATE payment SET status = 'REVERSED', reversal_reason = :reason, reversed_at = :now WHERE id = :id")
                .param("reason", reason).param("now", now()).param("id", paymentId).update();
        audit.record(AuditEntry.of(AuditAction.PAYMENT_REVERSED, "account", p.accountId()).withDetail(Map.of(
                "payment", paymentId.toString(), "reason", reason)));
        events.publishEvent(new EvidenceEvent(EvidenceType.PAYMENT_REVERSED, EvidenceEvent.Subject.account(p.accountId()), null,
                clock.instant(), Map.of("payment", paymentId.toString()),
                List.of(reason.getBytes(StandardCharsets.UTF_8))));
        return find(paymentId).orElseThrow();
    }

    /** Whether a payment with this reference was posted on the account already. */
    public boolean exists(UUID account, String reference) {
        return byReference(account, reference).isPresent();
    }

    /** What posted payments paid on and after {@code since} were applied to the balance, in minor units. */
    public long appliedSince(UUID account, LocalDate since) {
        return jdbc.sql("""
                        SELECT coalesce(sum(applied_minor), 0) FROM payment
                        WHERE account_id = :a AND status = 'POSTED' AND paid_on >= :since""")
                .param("a", account).param("since", since).query(Long.class).single();
    }

    /** An account's posted payments up to a day: how many in the 90 days before it, and the last one's day. */
    public record Recent(int last90Days, LocalDate lastPaidOn) {
    }

    /** The posted payments of these accounts up to {@code date}, per account that has any. */
    public Map<UUID, Recent> recent(Collection<UUID> accounts, LocalDate date) {
        Map<UUID, Recent> recent = new HashMap<>();
        if (accounts.isEmpty()) {
            return recent;
        }
        jdbc.sql("""
                        SELECT account_id, count(*) FILTER (WHERE paid_on > :since90), max(paid_on) FROM payment
                        WHERE status = 'POSTED' AND paid_on <= :date AND account_id = ANY(:ids) GROUP BY account_id""")
                .param("ids", accounts.toArray(UUID[]::new)).param("date", date).param("since90", date.minusDays(90))
                .query((rs, n) -> recent.put(rs.getObject(1, UUID.class), new Recent(rs.getInt(2),
                        rs.getObject(3, LocalDate.class))))
                .list();
        return recent;
    }

    /** The days posted payments were made on these accounts from {@code from} to {@code to}, per account. */
    public Map<UUID, List<LocalDate>> paymentDays(Collection<UUID> accounts, LocalDate from, LocalDate to) {
        Map<UUID, List<LocalDate>> days = new HashMap<>();
        if (accounts.isEmpty()) {
            return days;
        }
        jdbc.sql("""
                        SELECT account_id, paid_on FROM payment WHERE account_id = ANY(:ids) AND status = 'POSTED'
                          AND paid_on BETWEEN :from AND :to ORDER BY account_id, paid_on""")
                .param("ids", accounts.toArray(UUID[]::new)).param("from", from).param("to", to)
                .query((rs, n) -> days.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject(2, LocalDate.class)))
                .list();
        return days;
    }

    public List<Payment> ofAccount(UUID account) {
        return jdbc.sql(SELECT + " WHERE p.account_id = :account ORDER BY p.paid_on, p.id").param("account", account)
                .query(Payments::payment).list();
    }

    public Optional<Payment> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(Payments::payment).optional();
    }

    private Optional<Payment> byReference(UUID account, String reference) {
        return jdbc.sql(SELECT + " WHERE p.account_id = :account AND p.reference = :reference")
                .param("account", account).param("reference", reference).query(Payments::payment).optional();
    }

    private static final String SELECT = """
            SELECT p.*, a.currency AS account_currency FROM payment p
            JOIN account a ON a.tenant_id = p.tenant_id AND a.id = p.account_id""";

    private static Payment payment(ResultSet rs, int n) throws SQLException {
        String acc = rs.getString("account_currency");
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("paid_on", LocalDate.class), Money.ofMinor(rs.getLong("amount_minor"), rs.getString("currency")),
                Money.ofMinor(rs.getLong("applied_minor"), acc), rs.getBigDecimal("rate"),
                rs.getObject("rate_date", LocalDate.class),
                new Allocation(Money.ofMinor(rs.getLong("to_fees"), acc), Money.ofMinor(rs.getLong("to_penalty"), acc),
                        Money.ofMinor(rs.getLong("to_interest"), acc), Money.ofMinor(rs.getLong("to_principal"), acc),
                        Money.ofMinor(rs.getLong("to_credit"), acc)),
                rs.getString("reference"), rs.getString("source"), rs.getString("status"),
                rs.getString("reversal_reason"));
    }

    /** The account, locked for this transaction, with its balance by component and its creditor's waterfall. */
    private record LockedAccount(Currency currency, String status, Map<Component, Long> balance,
                                 List<Component> waterfall) {
    }

    private LockedAccount lock(UUID account) {
        return jdbc.sql("""
                        SELECT a.currency, a.status, a.fees_minor, a.penalty_minor, a.interest_minor, a.principal_minor,
                               c.waterfall
                        FROM account a JOIN creditor c ON c.tenant_id = a.tenant_id AND c.id = a.creditor_id
                        WHERE a.id = :id FOR UPDATE OF a""")
                .param("id", account)
                .query((rs, n) -> {
                    Map<Component, Long> b = new EnumMap<>(Component.class);
                    b.put(Component.FEES, rs.getLong("fees_minor"));
                    b.put(Component.PENALTY, rs.getLong("penalty_minor"));
                    b.put(Component.INTEREST, rs.getLong("interest_minor"));
                    b.put(Component.PRINCIPAL, rs.getLong("principal_minor"));
                    List<Component> w = Arrays.stream((String[]) rs.getArray("waterfall").getArray())
                            .map(Component::valueOf).toList();
                    return new LockedAccount(Currency.getInstance(rs.getString("currency")), rs.getString("status"), b, w);
                })
                .optional().orElseThrow(() -> new NotFoundException("account", account));
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'" + code + "' is not an ISO 4217 currency code (e.g. CNY, USD, IDR)");
        }
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }
}
