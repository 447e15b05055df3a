package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.candor.portfolio.ContactPointKind;
import io.candor.strategy.AccountSituation;
import org.jspecify.annotations.Nullable;

/**
 * One open account as the planner reads it: its situation for the strategy, and what the contact pre-check needs
 * (creditor for policy layers, jurisdiction, the debtor's zones and contact points); {@code value} is the
 * balance in the tenant's reporting currency where a rate is known, else in the account's own.
 */
record PlanningInput(AccountSituation situation, UUID debtor, String creditor, String jurisdiction, List<ZoneId> zones,
                     List<Point> points, BigDecimal value, PaymentHistory payments) {

    /** Posted payments: how many in the 90 days before the business date, days since the last (null: none). */
    record PaymentHistory(int last90Days, @Nullable Integer daysSinceLast) {
        static final PaymentHistory NONE = new PaymentHistory(0, null);
    }

    /** A contact point with its recorded consents and channel opt-outs. */
    record Point(ContactPointKind kind, String value, List<String> zones, List<String> consents, List<String> optedOut) {
    }

    @Nullable Point first(ContactPointKind kind) {
        return points.stream().filter(p -> p.kind() == kind).findFirst().orElse(null);
    }
}
