package io.candor.arrangement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.AccountReadModel;
import io.candor.portfolio.PaymentPosted;
import io.candor.portfolio.Payments;
import io.candor.portfolio.Waivers;
import io.candor.tenancy.EachTenant;
import io.candor.tenancy.Tenants;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monitoring arrangements on the business date: payments posted on the account since the arrangement started are
 * matched to its instalments in due order ({@link Monitoring}); an arrangement paid in full is kept (a kept
 * settlement forgives the rest and closes the account), one with a missed instalment is broken or partially kept,
 * and a hardship buffer at its review date ends. Runs after each payment on the account, on a schedule for every
 * tenant, and on request; running it again on the same date changes nothing.
 */
@Service
class ArrangementMonitor {

    /** What one monitoring pass did. */
    public record Summary(LocalDate date, int checked, int kept, int broken, int ended) {
    }

    private final JdbcClient jdbc;
    private final ArrangementReads reads;
    private final ArrangementPolicies policies;
    private final Arrangements arrangements;
    private final Waivers waivers;
    private final Tenants tenants;
    private final EachTenant each;
    private final TransactionTemplate tx;
    private final AccountReadModel accounts;
    private final Payments payments;

    ArrangementMonitor(JdbcClient jdbc, ArrangementReads reads, ArrangementPolicies policies, Arrangements arrangements,
            Waivers waivers, Tenants tenants, EachTenant each, TransactionTemplate tx, AccountReadModel accounts,
            Payments payments) {
        this.accounts = accounts;
        this.payments = payments;
        this.jdbc = jdbc;
        this.reads = reads;
        this.policies = policies;
        this.arrangements = arrangements;
        this.waivers = waivers;
        this.tenants = tenants;
        this.each = each;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${candor.arrangements.monitor-interval:15m}",
            initialDelayString = "${candor.arrangements.monitor-interval:15m}")
    void onSchedule() {
        each.run("Arrangement monitoring", () -> monitor(tenants.businessDate(TenantContext.require())));
    }

    /** Monitors every arrangement in force in the current tenant on {@code date}, one account per transaction. */
    public Summary monitor(LocalDate date) {
        List<UUID> accounts = jdbc.sql("SELECT DISTINCT account_id FROM arrangement WHERE status = 'ACTIVE'")
                .query(UUID.class).list();
        int kept = 0;
        int broken = 0;
        int ended = 0;
        for (UUID account : accounts) {
            Status s = Objects.requireNonNull(tx.execute(x -> reconcile(account, date)));
            kept += s == Status.KEPT ? 1 : 0;
            broken += s.broken() ? 1 : 0;
            ended += s == Status.ENDED ? 1 : 0;
        }
        return new Summary(date, accounts.size(), kept, broken, ended);
    }

    /** A payment counts towards the account's arrangement at once (the portal shows the plan updated). */
    @EventListener
    void on(PaymentPosted e) {
        reconcile(e.account());
    }

    /** Brings the account's arrangement in force up to date on the tenant's business date. */
    @Transactional
    public void reconcile(UUID account) {
        reconcile(account, tenants.businessDate(TenantContext.require()));
    }

    /** Returns the arrangement's status after the pass (ACTIVE when nothing changed, or when none is in force). */
    private Status reconcile(UUID account, LocalDate date) {
        accounts.lock(account);
        Arrangement a = reads.live(account).filter(x -> x.status() == Status.ACTIVE).orElse(null);
        if (a == null) {
            return Status.ACTIVE; // ended or changed meanwhile: nothing to count
        }
        if (a.kind() == Kind.HARDSHIP) {
            if (a.reviewOn() != null && !date.isBefore(a.reviewOn())) {
                arrangements.end(a.id(), account, a.kind(), Status.ENDED, "monitoring", date,
                        "review date " + a.reviewOn() + " reached");
                return Status.ENDED;
            }
            return Status.ACTIVE;
        }
        long paid = payments.appliedSince(account, Objects.requireNonNull(a.activatedOn(), "an active arrangement has its day"));
        Monitoring.Reading r = Monitoring.read(reads.terms(a).schedule(), paid, date, policies.forAccount(account).graceDays());
        for (Monitoring.InstalmentState i : r.instalments()) {
            jdbc.sql("""
                            UPDATE arrangement_instalment SET paid_minor = :paid, status = :status
                            WHERE arrangement_id = :id AND seq = :seq""")
                    .param("paid", i.paidMinor()).param("status", i.status().name()).param("id", a.id()).param("seq", i.seq())
                    .update();
        }
        jdbc.sql("UPDATE arrangement SET paid_minor = :paid WHERE id = :id").param("paid", paid).param("id", a.id())
                .update();
        if (r.status() != Status.ACTIVE) {
            arrangements.end(a.id(), account, a.kind(), r.status(), "monitoring", date,
                    r.status() == Status.KEPT ? "" : "missed instalment(s) " + r.instalments().stream()
                            .filter(i -> i.status() == InstalmentStatus.MISSED).map(i -> Integer.toString(i.seq())).toList());
            if (r.status() == Status.KEPT && a.kind() == Kind.SETTLEMENT) {
                waivers.waiveRemainder(account, "settlement " + a.id(), Map.of("arrangement", a.id().toString()));
            }
        }
        return r.status();
    }
}
