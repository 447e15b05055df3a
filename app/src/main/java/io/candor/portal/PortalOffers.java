package io.candor.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.candor.arrangement.ArrangementPolicies;
import io.candor.arrangement.Due;
import io.candor.arrangement.Kind;
import io.candor.arrangement.Offerer;
import io.candor.arrangement.Policy;
import io.candor.arrangement.PolicyCheck;
import io.candor.arrangement.Proposal;
import io.candor.arrangement.Schedules;
import io.candor.arrangement.Terms;
import io.candor.platform.money.Money;
import org.springframework.stereotype.Service;

/**
 * The plans and settlement a debtor may choose in the portal, computed from the creditor's policy: equal monthly
 * plans of 3, 6 and 12 instalments and a settlement at the debtor's own discount allowance. Each is checked as the
 * debtor's proposal: confirmed at once when it is within the debtor's authority, sent for approval when it is only
 * within the creditor's bounds, and not offered at all outside them.
 */
@Service
class PortalOffers {

    static final int FIRST_DUE_DAYS = 7;
    static final int SETTLEMENT_DAYS = 14;

    /** One option: {@code code} is what the form sends back (PLAN-6, SETTLEMENT). */
    record Offer(String code, Kind kind, int instalments, Money each, Money total, Money discount, LocalDate firstDue,
                 boolean needsApproval) {
    }

    private final ArrangementPolicies policies;

    PortalOffers(ArrangementPolicies policies) {
        this.policies = policies;
    }

    List<Offer> of(UUID account, Money balance, LocalDate today) {
        Policy policy = policies.forAccount(account);
        String c = balance.currency().getCurrencyCode();
        List<Offer> offers = new ArrayList<>();
        LocalDate first = today.plusDays(FIRST_DUE_DAYS);
        for (int n : new int[] {3, 6, 12}) {
            if (balance.minor() < n) {
                continue;
            }
            List<Due> schedule = Schedules.equal(balance.minor(), n, first);
            Terms t = new Terms(Kind.PLAN, schedule, balance.minor(), 0, null, null, null);
            add(offers, "PLAN-" + n, t, policy, today, c, first);
        }
        BigDecimal pct = policy.of(Offerer.DEBTOR).discountPct().min(policy.maxDiscountPct());
        long off = pct.multiply(BigDecimal.valueOf(balance.minor())).divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)
                .longValueExact();
        if (off > 0 && policy.of(Offerer.DEBTOR).kinds().contains(Kind.SETTLEMENT)) {
            LocalDate due = today.plusDays(SETTLEMENT_DAYS);
            Terms t = new Terms(Kind.SETTLEMENT, List.of(new Due(due, balance.minor() - off)), balance.minor(), off, null,
                    null, null);
            add(offers, "SETTLEMENT", t, policy, today, c, due);
        }
        return offers;
    }

    private static void add(List<Offer> offers, String code, Terms t, Policy policy, LocalDate today, String c,
            LocalDate first) {
        PolicyCheck.Verdict v = PolicyCheck.check(t, policy, Offerer.DEBTOR, today, c, false);
        if (v instanceof PolicyCheck.Refused) {
            return;
        }
        offers.add(new Offer(code, t.kind(), t.schedule().size(), Money.ofMinor(t.schedule().getFirst().amountMinor(), c),
                Money.ofMinor(t.totalMinor(), c), Money.ofMinor(t.discountMinor(), c), first,
                v instanceof PolicyCheck.NeedsApproval));
    }

    /** The proposal behind an offer's code, as the debtor chose it today. */
    static Proposal proposal(Offer o) {
        return switch (o.kind()) {
            case SETTLEMENT -> Proposal.settlement(o.total().amount(), o.firstDue());
            default -> Proposal.plan(o.instalments(), o.firstDue());
        };
    }
}
