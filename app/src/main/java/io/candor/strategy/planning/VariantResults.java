package io.candor.strategy.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.strategy.Experiment;
import io.candor.strategy.Significance;
import io.candor.strategy.Strategy;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Champion/challenger results: for every arm of the experiment in effect (the holdout too), what happened to its
 * accounts since each was assigned — money collected against the balance at assignment (today's balance plus what
 * was paid since), contacts and their cost, promises and whether they were kept, complaints — and for each
 * challenger, two-sided tests against the champion (the first variant) of the payer rate and of the mean
 * recovered share.
 */
@Service
public class VariantResults {

    /** One arm's outcome; money in the reporting currency. */
    public record Arm(String variant, long accounts, BigDecimal balanceAtAssignment, BigDecimal collected,
                      double recoveryRate, long payers, double payerRate, long contacts, double contactsPerAccount,
                      BigDecimal cost, @Nullable BigDecimal costPerUnitCollected, long promises, double ptpRate,
                      long kept, double keptRate, long complaints, double complaintRate) {
    }

    /** A challenger (or the holdout) against the champion. */
    public record Comparison(String variant, String champion, Significance.Test payerRate,
                             Significance.Test recoveredShare, Significance.Test complaintRate) {
    }

    /** The results of one experiment. */
    public record Results(String strategy, int version, long seed, LocalDate asOf, String currency, String champion,
                          List<Arm> arms, List<Comparison> comparisons) {
    }

    private final ArmOutcomes outcomes;
    private final StrategyVersions versions;
    private final ReportingRates rates;
    private final Tenants tenants;

    VariantResults(ArmOutcomes outcomes, StrategyVersions versions, ReportingRates rates, Tenants tenants) {
        this.outcomes = outcomes;
        this.versions = versions;
        this.rates = rates;
        this.tenants = tenants;
    }

    /** Results of the experiment of {@code name}'s latest version (the strategy in effect when null). */
    @Transactional(readOnly = true)
    public Results of(@Nullable String name) {
        LocalDate today = tenants.businessDate(TenantContext.require());
        StrategyVersions.Active active = (name == null ? versions.inEffect(today) : versions.latest(name))
                .orElseThrow(() -> new BadRequestException(name == null ? "No strategy is in effect on " + today + "."
                        : "There is no strategy named '" + name + "'."));
        Strategy strategy = active.strategy();
        long seed = strategy.experiment().seed();
        Map<String, BigDecimal> rates = this.rates.on(today);
        String reporting = tenants.find(TenantContext.require()).orElseThrow().reportingCurrency().getCurrencyCode();
        Map<String, Sums> sums = new LinkedHashMap<>();
        for (Experiment.Variant v : strategy.experiment().variants()) {
            sums.put(v.name(), new Sums());
        }
        if (strategy.experiment().holdoutPercent() > 0) {
            sums.put(Experiment.HOLDOUT, new Sums());
        }
        for (ArmOutcomes.Accounts a : outcomes.accounts(strategy.name(), seed)) {
            Sums s = sums.computeIfAbsent(a.variant(), k -> new Sums());
            BigDecimal rate = rates.get(a.currency());
            int digits = Currency.getInstance(a.currency()).getDefaultFractionDigits();
            s.add(a.accounts(), a.payers(), a.promises(), a.kept(), a.complaints(), a.shareSum(), a.shareSquares(),
                    rate == null ? null : a.balanceMinor().multiply(rate).movePointLeft(digits),
                    rate == null ? null : a.collectedMinor().multiply(rate).movePointLeft(digits));
        }
        for (ArmOutcomes.Contacts c : outcomes.contacts(strategy.name(), seed)) {
            Sums s = sums.computeIfAbsent(c.variant(), k -> new Sums());
            s.contacts += c.contacts();
            s.cost = s.cost.add(strategy.costs().getOrDefault(c.channel(), BigDecimal.ZERO)
                    .multiply(BigDecimal.valueOf(c.contacts())));
        }
        List<Arm> arms = new ArrayList<>();
        sums.forEach((variant, s) -> arms.add(s.arm(variant)));
        String champion = strategy.experiment().variants().getFirst().name();
        Sums first = sums.computeIfAbsent(champion, k -> new Sums());
        List<Comparison> comparisons = new ArrayList<>();
        sums.forEach((variant, s) -> {
            if (!variant.equals(champion)) {
                comparisons.add(new Comparison(variant, champion,
                        Significance.proportions(s.payers, s.accounts, first.payers, first.accounts),
                        Significance.means(s.mean(), s.variance(), s.accounts, first.mean(), first.variance(),
                                first.accounts),
                        Significance.proportions(s.complaints, s.accounts, first.complaints, first.accounts)));
            }
        });
        return new Results(strategy.name(), active.version(), seed, today, reporting, champion, arms, comparisons);
    }

    /** Running sums of one arm over currencies. */
    private static final class Sums {
        long accounts;
        long payers;
        long promises;
        long kept;
        long complaints;
        long contacts;
        double shareSum;
        double shareSquares;
        BigDecimal balance = BigDecimal.ZERO;
        BigDecimal collected = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;

        void add(long accounts, long payers, long promises, long kept, long complaints, double shareSum,
                double shareSquares, @Nullable BigDecimal balance, @Nullable BigDecimal collected) {
            this.accounts += accounts;
            this.payers += payers;
            this.promises += promises;
            this.kept += kept;
            this.complaints += complaints;
            this.shareSum += shareSum;
            this.shareSquares += shareSquares;
            if (balance != null && collected != null) { // a currency without a rate to reporting is left out of money
                this.balance = this.balance.add(balance);
                this.collected = this.collected.add(collected);
            }
        }

        double mean() {
            return accounts == 0 ? 0 : shareSum / accounts;
        }

        double variance() {
            return accounts < 2 ? 0 : Math.max(0, (shareSquares - accounts * mean() * mean()) / (accounts - 1));
        }

        Arm arm(String variant) {
            return new Arm(variant, accounts, money(balance), money(collected),
                    ratio(collected.doubleValue(), balance.doubleValue()), payers, ratio(payers, accounts), contacts,
                    ratio(contacts, accounts), money(cost),
                    collected.signum() > 0 ? cost.divide(collected, 4, RoundingMode.HALF_EVEN) : null, promises,
                    ratio(promises, accounts), kept, ratio(kept, promises), complaints, ratio(complaints, accounts));
        }

        private static BigDecimal money(BigDecimal v) {
            return v.setScale(2, RoundingMode.HALF_EVEN);
        }

        private static double ratio(double a, double b) {
            return b == 0 ? 0 : a / b;
        }
    }
}
