package io.candor.strategy.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.candor.audit.AuditEntry;
import io.candor.audit.AuditTrail;
import io.candor.audit.Purpose;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.NotFoundException;
import io.candor.scoring.ModelRegistry;
import io.candor.scoring.Scores;
import io.candor.scoring.model.Scorecard;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** One account scored now by the approved model, with its reason codes (and the score the last run gave it). */
@RestController
class AccountScoreApi {

    /** The score of one account. */
    record AccountScoreView(UUID account, String model, int modelVersion, LocalDate businessDate, double points,
                            double probabilityOfBad, double probabilityOfRepayment, List<Scorecard.Reason> reasons,
                            @Nullable Map<String, Object> lastRun) {
    }

    private final PartitionReader reader;
    private final Scores scores;
    private final ModelRegistry models;
    private final ReportingRates rates;
    private final Tenants tenants;
    private final AuditTrail audit;
    private final Clock clock;

    AccountScoreApi(PartitionReader reader, Scores scores, ModelRegistry models, ReportingRates rates, Tenants tenants,
            AuditTrail audit, Clock clock) {
        this.reader = reader;
        this.scores = scores;
        this.models = models;
        this.rates = rates;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/v1/accounts/{id}/score")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'COLLECTOR', 'COMPLIANCE_OFFICER', 'AUDITOR')")
    @Transactional
    AccountScoreView score(@PathVariable UUID id,
            @RequestHeader(name = "X-Purpose", defaultValue = "ACCOUNT_VIEW") String purpose) {
        ModelRegistry.InUse model = models.inUse().orElseThrow(() -> new BadRequestException("No scoring model is "
                + "approved yet: train one (POST /api/v1/models) and have a compliance officer approve it."));
        LocalDate date = tenants.businessDate(TenantContext.require());
        PartitionReader.Slice slice = reader.read(id, next(id), date, clock.instant(), rates.on(date));
        PlanningInput in = slice.inputs().stream().filter(i -> i.situation().account().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("open account", id));
        audit.record(AuditEntry.read("account", id, Purpose.of(purpose)));
        Scorecard.Score s = model.scorecard().score(model.scorecard().bins(SituationFeatures.of(in)::get));
        Map<String, Object> last = scores.last(id).map(l -> Map.<String, Object>of("businessDate",
                l.businessDate().toString(), "points", l.points().doubleValue(), "probabilityOfBad", l.probability()))
                .orElse(null);
        return new AccountScoreView(id, model.name(), model.version(), date, Math.round(s.points() * 10) / 10.0,
                s.probability(), 1 - s.probability(), s.reasons(), last);
    }

    /** The id right after {@code id} in PostgreSQL's order (unsigned, byte by byte): a range of one account. */
    static UUID next(UUID id) {
        long lsb = id.getLeastSignificantBits() + 1;
        long msb = id.getMostSignificantBits() + (lsb == 0 ? 1 : 0);
        return new UUID(msb, lsb);
    }
}
