package io.candor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

import io.candor.platform.evidence.EvidenceEvent;
import io.candor.platform.evidence.EvidenceType;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.Accounts;
import io.candor.tenancy.Tenant;
import io.candor.tenancy.Tenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail as a module, with tenancy to create a tenant and the shared platform, nothing else: a read of a
 * debtor's data is recorded with its purpose and published as evidence for whichever module logs evidence (here
 * none runs: the published event is what the module promises).
 */
@ApplicationModuleTest(extraIncludes = "tenancy")
@ActiveProfiles("test")
class AuditModuleTests {

    @Autowired
    AuditTrail audit;

    @Autowired
    Tenants tenants;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationContext context;

    @Test
    void aReadOfAnAccountIsAuditedWithItsPurposeAndPublishedAsEvidence(AssertablePublishedEvents events) {
        assertThat(context.getBeanNamesForType(Accounts.class)).as("portfolio is not started").isEmpty();
        Tenant t = tenants.create("audit-" + System.nanoTime(), "Audit", Tenant.Kind.LENDER,
                Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai"));
        UUID account = UUID.randomUUID();
        TenantContext.run(t.id(), () -> tx.executeWithoutResult(s ->
                audit.record(AuditEntry.read("account", account, "COLLECTION_CALL"))));

        var page = TenantContext.call(t.id(), () -> audit.list("account", account.toString(), null, 10));
        assertThat(page.items()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.DEBTOR_DATA_READ.name());
            assertThat(e.purpose()).isEqualTo("COLLECTION_CALL");
        });
        assertThat(events).contains(EvidenceEvent.class)
                .matching(e -> e.type().equals(EvidenceType.STAFF_READ.name())
                        && e.subject().equals(EvidenceEvent.Subject.account(account))
                        && "COLLECTION_CALL".equals(e.facts().get("purpose")));
    }

    @Test
    void aChangeIsAuditedButIsNotAReadOfPersonalData(AssertablePublishedEvents events) {
        Tenant t = tenants.create("audit-" + System.nanoTime(), "Audit", Tenant.Kind.LENDER,
                Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai"));
        TenantContext.run(t.id(), () -> tx.executeWithoutResult(s ->
                audit.record(AuditEntry.of(AuditAction.TEAM_CHANGED, "collector_team", "m2"))));
        assertThat(TenantContext.call(t.id(), () -> audit.list("collector_team", "m2", null, 10)).items())
                .extracting(AuditEvent::action).containsExactly(AuditAction.TEAM_CHANGED.name());
        assertThat(events.ofType(EvidenceEvent.class)).isEmpty();
    }
}
