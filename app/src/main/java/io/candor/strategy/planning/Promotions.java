package io.candor.strategy.planning;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.candor.audit.AuditAction;
import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.platform.Failures;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.NotFoundException;
import io.candor.strategy.VariantPromotion;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supervisor promotes the winning variant: the next version of the strategy, effective from the next business
 * day unless another date is given, gives every account the winner's paths. The results the decision was taken on
 * go into the audit trail with it.
 */
@Service
class Promotions {

    private final StrategyVersions versions;
    private final VariantResults results;
    private final Tenants tenants;
    private final AuditTrail audit;

    Promotions(StrategyVersions versions, VariantResults results, Tenants tenants, AuditTrail audit) {
        this.versions = versions;
        this.results = results;
        this.tenants = tenants;
        this.audit = audit;
    }

    @Transactional
    public StrategyVersions.Version promote(String name, String variant, String reason,
            @Nullable LocalDate effectiveFrom, String by) {
        return promote(name, variant, reason, effectiveFrom, null, by);
    }

    /**
     * As above; a variant that raises the complaint rate significantly needs {@code complaintOverride} (why), kept
     * in the audit trail with the promotion.
     */
    @Transactional
    public StrategyVersions.Version promote(String name, String variant, String reason,
            @Nullable LocalDate effectiveFrom, @Nullable String complaintOverride, String by) {
        if (reason.isBlank()) {
            throw new BadRequestException("Say why the variant wins (reason): it is kept with the new version.");
        }
        StrategyVersions.Active latest = versions.latest(name)
                .orElseThrow(() -> new NotFoundException("strategy", name));
        LocalDate from = effectiveFrom == null ? tenants.businessDate(TenantContext.require()).plusDays(1) : effectiveFrom;
        String next;
        try {
            next = VariantPromotion.apply(versions.definition(name, latest.version()), variant, from,
                    "Promoted variant " + variant + ": " + reason.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(Failures.messageOf(e));
        }
        VariantResults.Results evidence = results.of(name);
        var compared = evidence.comparisons().stream().filter(c -> c.variant().equals(variant)).findFirst();
        String refusal = compared.map(c -> io.candor.strategy.ComplaintGuardrail.refusal(variant, c.complaintRate(),
                complaintOverride)).orElse(null);
        if (refusal != null) {
            throw new io.candor.platform.web.ConflictException(refusal);
        }
        StrategyVersions.Version published = versions.publish(next, by);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("variant", variant);
        detail.put("fromVersion", latest.version());
        detail.put("toVersion", published.version());
        detail.put("effectiveFrom", from.toString());
        evidence.comparisons().stream().filter(c -> c.variant().equals(variant)).findFirst().ifPresent(c -> {
            detail.put("payerRateDifference", c.payerRate().difference());
            detail.put("payerRateP", c.payerRate().p());
            detail.put("recoveredShareP", c.recoveredShare().p());
            detail.put("complaintRateDifference", c.complaintRate().difference());
            detail.put("complaintRateP", c.complaintRate().p());
            if (io.candor.strategy.ComplaintGuardrail.overridden(c.complaintRate())) {
                detail.put("complaintOverride", java.util.Objects.requireNonNull(complaintOverride).strip());
            }
        });
        audit.record(AuditEntry.of(AuditAction.STRATEGY_VARIANT_PROMOTED, "strategy", name).withDetail(detail));
        return published;
    }
}
