package io.candor.portal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.candor.arrangement.Arrangement;
import io.candor.arrangement.ArrangementReads;
import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.complaint.Complaints;
import io.candor.compliance.gate.Holds;
import io.candor.insight.AccountTimeline;
import io.candor.platform.money.Money;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.AccountFacts;
import io.candor.portfolio.AccountReadModel;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the portal shows a verified debtor: who is collecting for whom, the balance by component, the arrangement,
 * and the full collection history — every contact (when, how, by a person, the AI agent or an automatic message),
 * every letter, payment, arrangement, dispute and complaint — and each complaint case with its final response once sent.
 * Each read is audited.
 */
@Service
class PortalView {

    /** The account as its debtor sees it. */
    record Overview(String debtorName, String creditor, String agency, String status, int dpd, Money principal,
                    Money interest, Money fees, Money penalty, Money total, String product,
                    @Nullable Arrangement arrangement, List<Arrangement> arrangements, List<AccountTimeline.Event> history,
                    List<String> openHolds, List<Complaints.DebtorCase> complaints) {
    }

    private final AccountReadModel accounts;
    private final Tenants tenants;
    private final ArrangementReads arrangements;
    private final AuditTrail audit;
    private final AccountTimeline timeline;
    private final Holds holds;
    private final Complaints complaints;

    PortalView(AccountReadModel accounts, Tenants tenants, ArrangementReads arrangements, AuditTrail audit,
            AccountTimeline timeline, Holds holds, Complaints complaints) {
        this.complaints = complaints;
        this.accounts = accounts;
        this.tenants = tenants;
        this.holds = holds;
        this.timeline = timeline;
        this.arrangements = arrangements;
        this.audit = audit;
    }

    @Transactional
    Overview overview(PortalSession s, ZoneId zone) {
        UUID a = s.account();
        AccountFacts f = accounts.require(a);
        List<Arrangement> all = arrangements.ofAccount(a);
        Arrangement current = all.stream().filter(x -> x.status().live()).findFirst()
                .orElse(all.isEmpty() ? null : all.getFirst());
        Overview o = new Overview(f.debtorName(), f.creditorName(), tenants.find(TenantContext.require()).orElseThrow()
                .name(), f.status(), f.dpd(), f.principal(), f.interest(), f.fees(), f.penalty(), f.balance(),
                f.product(), current, all, timeline.of(a, zone), holds(a), complaints.ofDebtor(a));
        audit.recordAs(Verification.debtor(s.link()), AuditEntry.of(AuditAction.PORTAL_VIEWED, "account", a)
                .withDetail(Map.of("link", s.link().toString())));
        return o;
    }

    /** The account's currency and total balance, for paying. */
    Money balance(UUID account) {
        return accounts.require(account).balance();
    }

    private List<String> holds(UUID account) {
        return holds.inForce(account).stream().map(h -> h.hold().name()).distinct().sorted().toList();
    }


    Optional<Arrangement> live(UUID account) {
        return arrangements.live(account);
    }
}
