package io.candor.arrangement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.tenancy.Tenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Arrangements over the API: policy bounds, the approval matrix, monitoring and what the strategy sees. */
@CandorIntegrationTest
class ArrangementTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Tenants tenantStore;

    @Autowired
    JdbcClient jdbc;

    Api api;
    TestTenants.TestTenant tenant;
    String collector;
    String supervisor;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = tenants.create("arr");
        collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        businessDate(TODAY);
    }

    void businessDate(LocalDate d) {
        TenantContext.run(tenant.id(), () -> tenantStore.setBusinessDate(tenant.id(), d));
    }

    Api.Response decide(String token, String id, String decision) {
        return api.post("/api/v1/arrangements/" + id + "/decisions", token,
                "{\"decision\": \"" + decision + "\", \"note\": \"checked income\"}");
    }

    List<String> signals(UUID account) {
        return TenantContext.call(tenant.id(), () -> jdbc.sql("SELECT signal FROM account_signal WHERE account_id = :a")
                .param("a", account).query(String.class).list());
    }

    void pay(UUID account, String amount, LocalDate on, String ref) {
        Api.Response r = api.post("/api/v1/accounts/" + account + "/payments", admin, """
                {"amount":"%s","currency":"CNY","paidOn":"%s","reference":"%s"}""".formatted(amount, on, ref),
                "Idempotency-Key", ref);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void aSettlementBeyondACollectorsAuthorityWaitsForASupervisorWhoMayNotBeTheOfferer() {
        UUID account = tenant.accounts().getFirst();
        // balance 1012.34: 920.00 is 9.12 % off — within a collector's 10 %
        JsonNode small = propose(collector, account, """
                {"kind":"SETTLEMENT","amount":"920.00","dueOn":"2026-11-20"}""").json();
        assertThat(small.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(small.get("discount").get("amount").asString()).isEqualTo("92.34");
        assertThat(signals(account)).contains("ARRANGEMENT_ACTIVE");
        assertThat(api.post("/api/v1/arrangements/" + small.get("id").asString() + "/cancellation", collector,
                "{\"reason\": \"debtor asked for a plan instead\"}").json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(signals(account)).doesNotContain("ARRANGEMENT_ACTIVE");

        // 800.00 is 20.98 % off: a supervisor's to approve
        JsonNode big = propose(collector, account, """
                {"kind":"SETTLEMENT","amount":"800.00","dueOn":"2026-11-20"}""").json();
        String id = big.get("id").asString();
        assertThat(big.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(big.get("approvalLevel").asString()).isEqualTo("SUPERVISOR");
        assertThat(api.get("/api/v1/arrangements?status=PENDING_APPROVAL", supervisor).json().findValuesAsString("id"))
                .contains(id);
        assertThat(decide(collector, id, "APPROVE").status()).as("a collector cannot approve").isEqualTo(403);
        JsonNode approved = decide(supervisor, id, "APPROVE").json();
        assertThat(approved.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(approved.get("decisions").get(0).get("decidedBy").asString()).isEqualTo("supervisor");
        assertThat(approved.get("decisions").get(0).get("decision").asString()).isEqualTo("APPROVED");

        // a supervisor's own proposal above 30 % needs the creditor (the administrator), not the supervisor
        UUID second = tenant.accounts().get(1);
        JsonNode deep = propose(supervisor, second, """
                {"kind":"SETTLEMENT","amount":"600.00","dueOn":"2026-11-20"}""").json();
        assertThat(deep.get("approvalLevel").asString()).isEqualTo("CREDITOR");
        assertThat(decide(supervisor, deep.get("id").asString(), "APPROVE").status()).isEqualTo(409);
        assertThat(decide(admin, deep.get("id").asString(), "APPROVE").json().get("status").asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void termsOutsideTheCreditorsBoundsAreRefusedWithWhatToChange() {
        UUID account = tenant.accounts().getFirst();
        Api.Response r = propose(supervisor, account, """
                {"kind":"SETTLEMENT","amount":"300.00","dueOn":"2026-11-20"}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("at most 50 % off").contains("at least 506.17 CNY");
        Api.Response plan = propose(collector, account, """
                {"kind":"PLAN","count":24,"dueOn":"2026-12-01"}""");
        assertThat(plan.status()).isEqualTo(400);
        assertThat(plan.body()).contains("below the smallest instalment allowed, 100.00 CNY");
        Api.Response restructure = propose(admin, account, """
                {"kind":"RESTRUCTURE","count":12,"ratePct":"4.5","dueOn":"2026-12-01"}""");
        assertThat(restructure.body()).contains("Restructuring is for business debtors");
        Api.Response past = propose(collector, account, """
                {"kind":"PROMISE","amount":"100.00","dueOn":"2026-10-01"}""");
        assertThat(past.body()).contains("before today (2026-11-02)");

        // the creditor tightens the policy: now a collector may offer no discount at all
        String policy = """
                {"maxDiscountPct":"20","maxTenorMonths":12,"minInstalmentMinor":5000,"maxBufferDays":60,"graceDays":2,
                 "authority":{"COLLECTOR":{"discountPct":"0","tenorMonths":6,"kinds":["PROMISE","PLAN","SETTLEMENT"]},
                              "SUPERVISOR":{"discountPct":"10","tenorMonths":12,"kinds":["PROMISE","PLAN","SETTLEMENT","HARDSHIP"]},
                              "CREDITOR":{"discountPct":"20","tenorMonths":12,"kinds":["PROMISE","PLAN","SETTLEMENT","HARDSHIP","RESTRUCTURE"]}}}""";
        assertThat(api.put("/api/v1/arrangement-policies/CRED-" + tenant.slug() + "/*", collector, policy).status())
                .isEqualTo(403);
        Api.Response put = api.put("/api/v1/arrangement-policies/CRED-" + tenant.slug() + "/*", admin, policy);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode needs = propose(collector, account, """
                {"kind":"SETTLEMENT","amount":"990.00","dueOn":"2026-11-20"}""").json();
        assertThat(needs.get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(needs.get("approvalLevel").asString()).isEqualTo("SUPERVISOR");
    }

    @Test
    void aPlanIsMonitoredInstalmentByInstalmentAndBreaksWhenOneIsMissedPastGrace() {
        UUID account = tenant.accounts().getFirst();
        JsonNode plan = propose(collector, account, """
                {"kind":"PLAN","count":3,"dueOn":"2026-11-10"}""", "Idempotency-Key", "plan-1").json();
        assertThat(plan.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(plan.get("instalments").findValuesAsString("dueOn"))
                .containsExactly("2026-11-10", "2026-12-10", "2027-01-10");
        assertThat(plan.get("instalments").get(2).get("amount").get("amount").asString()).isEqualTo("337.46");
        String id = plan.get("id").asString();

        pay(account, "337.44", LocalDate.of(2026, 11, 9), "P-1");
        JsonNode after = api.get("/api/v1/arrangements/" + id, collector).json();
        assertThat(after.get("instalments").get(0).get("status").asString()).isEqualTo("PAID");
        assertThat(after.get("paid").get("amount").asString()).isEqualTo("337.44");

        // 10 December + 3 grace days: on the 13th still due, on the 14th missed
        JsonNode on13 = monitor("2026-12-13");
        assertThat(on13.get("broken").asInt()).isZero();
        JsonNode on14 = monitor("2026-12-14");
        assertThat(on14.get("broken").asInt()).isEqualTo(1);
        JsonNode broken = api.get("/api/v1/arrangements/" + id, collector).json();
        assertThat(broken.get("status").asString()).isEqualTo("PARTIALLY_KEPT");
        assertThat(broken.get("instalments").get(1).get("status").asString()).isEqualTo("MISSED");
        assertThat(signals(account)).contains("ARRANGEMENT_BROKEN").doesNotContain("ARRANGEMENT_ACTIVE");
        assertThat(monitor("2026-12-14").get("checked").asInt()).as("a second pass finds nothing in force").isZero();
    }

    Api.Response propose(String token, UUID account, String body, String... headers) {
        return api.post("/api/v1/accounts/" + account + "/arrangements", token, body, headers);
    }

    JsonNode monitor(String date) {
        businessDate(LocalDate.parse(date));
        return api.post("/api/v1/arrangements/monitoring", supervisor, "{\"date\": \"" + date + "\"}").json();
    }

    @Test
    void aKeptSettlementForgivesTheRestAndClosesTheAccountAndARetryMakesNoSecondArrangement() {
        UUID account = tenant.accounts().getFirst();
        String body = """
                {"kind":"SETTLEMENT","amount":"920.00","dueOn":"2026-11-20"}""";
        JsonNode first = propose(collector, account, body, "Idempotency-Key", "settle-1").json();
        JsonNode again = propose(collector, account, body, "Idempotency-Key", "settle-1").json();
        assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
        pay(account, "920.00", LocalDate.of(2026, 11, 15), "S-1");
        JsonNode kept = api.get("/api/v1/arrangements/" + first.get("id").asString(), collector).json();
        assertThat(kept.get("status").asString()).isEqualTo("KEPT");
        JsonNode acc = api.get("/api/v1/accounts/" + account, admin).json();
        assertThat(acc.get("status").asString()).isEqualTo("CLOSED");
        assertThat(TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT principal_minor + interest_minor FROM balance_adjustment WHERE account_id = :a")
                .param("a", account).query(Long.class).single())).isEqualTo(9234L);
    }

    @Test
    void aBusinessDebtorIsRestructuredIntoEqualPaymentsAtTheReducedRate() {
        UUID account = tenant.accounts().get(1);
        TenantContext.run(tenant.id(), () -> jdbc.sql(
                "UPDATE debtor SET kind = 'COMPANY' WHERE id = (SELECT debtor_id FROM account WHERE id = :a)")
                .param("a", account).update());
        JsonNode r = propose(supervisor, account, """
                {"kind":"RESTRUCTURE","count":6,"ratePct":"6","dueOn":"2026-12-01"}""").json();
        assertThat(r.get("status").asString()).as(r.toString()).isEqualTo("ACTIVE");
        assertThat(r.get("instalments")).hasSize(6);
        assertThat(r.get("instalments").get(0).get("amount").get("amount").asString()).isEqualTo("171.69");
        BigDecimal total = new BigDecimal(r.get("total").get("amount").asString());
        // 1012.34 repaid over six months at 0.5 % a month: about 17.8 of interest, the rounding in the last payment
        assertThat(total).isBetween(new BigDecimal("1030.00"), new BigDecimal("1030.30"));
        assertThat(propose(collector, tenant.accounts().get(2), """
                {"kind":"RESTRUCTURE","count":6,"ratePct":"6","dueOn":"2026-12-01"}""").body())
                .contains("Restructuring is for business debtors");
    }

    @Test
    void aHardshipBufferPausesCollectionUntilItsReviewDate() {
        UUID account = tenant.accounts().get(2);
        JsonNode h = propose(collector, account, """
                {"kind":"HARDSHIP","bufferDays":30,"reason":"lost job, new work from January"}""").json();
        assertThat(h.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(h.get("reviewOn").asString()).isEqualTo("2026-12-02");
        List<String> holds = TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT hold || ' ' || until FROM account_hold WHERE account_id = :a AND lifted_at IS NULL")
                .param("a", account).query(String.class).list());
        assertThat(holds).containsExactly("HARDSHIP_PAUSE 2026-12-02");
        assertThat(monitor("2026-12-02").get("ended").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/arrangements/" + h.get("id").asString(), collector).json().get("status").asString())
                .isEqualTo("ENDED");
    }
}
