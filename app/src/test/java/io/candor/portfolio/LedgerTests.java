package io.candor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Payments, reversals, exchange rates, the end-of-day close and master/sub accounts, over the API. */
@CandorIntegrationTest
class LedgerTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    DataSource dataSource;

    @Autowired
    EndOfDayClose close;

    Api api;
    TestTenants.TestTenant tenant;
    String admin;
    UUID account;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = tenants.create("ledger");
        admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        account = tenant.accounts().getFirst();
        // give the account every component: principal 1000.00, interest 12.34, fees 5.00, penalty 7.00
        TenantContext.run(tenant.id(), () -> JdbcClient.create(dataSource)
                .sql("UPDATE account SET fees_minor = 500, penalty_minor = 700 WHERE id = ?").param(account).update());
    }

    Api.Response pay(String amount, String currency, String reference) {
        return api.post("/api/v1/accounts/" + account + "/payments", admin, """
                {"amount":"%s","currency":"%s","paidOn":"2026-11-20","reference":"%s"}""".formatted(amount, currency, reference),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    JsonNode balances() {
        return api.get("/api/v1/accounts/" + account, admin).json().get("balances");
    }

    @Test
    void aPaymentSettlesFeesThenPenaltyThenInterestThenPrincipal() {
        JsonNode p = pay("20.00", "CNY", "BANK-1").json();
        assertThat(p.get("allocation").get("fees").get("amount").asString()).isEqualTo("5.00");
        assertThat(p.get("allocation").get("penalty").get("amount").asString()).isEqualTo("7.00");
        assertThat(p.get("allocation").get("interest").get("amount").asString()).isEqualTo("8.00");
        assertThat(p.get("allocation").get("principal").get("amount").asString()).isEqualTo("0.00");
        JsonNode b = balances();
        assertThat(b.get("interest").get("amount").asString()).isEqualTo("4.34");
        assertThat(b.get("total").get("amount").asString()).isEqualTo("1004.34");
    }

    @Test
    void anOverpaymentClosesTheAccountAndIsHeldAsCreditAndAReversalRestoresEverything() {
        JsonNode p = pay("1100.00", "CNY", "BANK-2").json();
        assertThat(p.get("allocation").get("credit").get("amount").asString()).isEqualTo("75.66");
        JsonNode a = api.get("/api/v1/accounts/" + account, admin).json();
        assertThat(a.get("status").asString()).isEqualTo("CLOSED");
        assertThat(a.get("balances").get("total").get("amount").asString()).isEqualTo("0.00");

        Api.Response reversed = api.post("/api/v1/payments/" + p.get("id").asString() + "/reversal", admin,
                "{\"reason\":\"cheque bounced\"}");
        assertThat(reversed.json().get("status").asString()).isEqualTo("REVERSED");
        JsonNode after = api.get("/api/v1/accounts/" + account, admin).json();
        assertThat(after.get("status").asString()).isEqualTo("OPEN");
        assertThat(after.get("balances").get("total").get("amount").asString()).isEqualTo("1024.34");
        assertThat(api.post("/api/v1/payments/" + p.get("id").asString() + "/reversal", admin,
                "{\"reason\":\"again\"}").json().get("reversalReason").asString()).isEqualTo("cheque bounced");
    }

    @Test
    void aPaymentInAnotherCurrencyIsConvertedAtTheRecordedRate() {
        Api.Response missing = pay("10.00", "USD", "WIRE-1");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("no USD→CNY exchange rate").contains("/api/v1/exchange-rates");
        api.post("/api/v1/exchange-rates", admin, "[{\"date\":\"2026-11-19\",\"base\":\"USD\",\"quote\":\"CNY\",\"rate\":7.1234}]");
        JsonNode p = pay("10.00", "USD", "WIRE-1").json();
        assertThat(p.get("applied").get("amount").asString()).isEqualTo("71.23");
        assertThat(p.get("rate").asString()).startsWith("7.1234");
        assertThat(p.get("rateDate").asString()).isEqualTo("2026-11-19");
    }

    @Test
    void postingMoneyNeedsAnIdempotencyKeyAndAReferenceIsPaidOnce() {
        Api.Response noKey = api.post("/api/v1/accounts/" + account + "/payments", admin,
                "{\"amount\":\"1.00\",\"currency\":\"CNY\",\"paidOn\":\"2026-11-20\",\"reference\":\"R\"}");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("detail").asString()).contains("Idempotency-Key");
        String first = pay("3.00", "CNY", "SAME-REF").json().get("id").asString();
        assertThat(pay("3.00", "CNY", "SAME-REF").json().get("id").asString()).isEqualTo(first);
        assertThat(api.get("/api/v1/accounts/" + account + "/payments", admin).json().size()).isEqualTo(1);
        assertThat(pay("1.234", "CNY", "BAD").json().get("detail").asString()).contains("more decimals than CNY");
    }

    @Test
    void aCreditorsWaterfallCanPutPrincipalFirst() {
        assertThat(api.send("PUT", "/api/v1/creditors/CRED-" + tenant.slug().toUpperCase() + "/waterfall", admin,
                "[\"PRINCIPAL\",\"INTEREST\",\"FEES\",\"PENALTY\"]").status()).isEqualTo(200);
        JsonNode p = pay("20.00", "CNY", "BANK-P").json();
        assertThat(p.get("allocation").get("principal").get("amount").asString()).isEqualTo("20.00");
        assertThat(api.send("PUT", "/api/v1/creditors/CRED-" + tenant.slug().toUpperCase() + "/waterfall", admin,
                "[\"PRINCIPAL\",\"PRINCIPAL\",\"FEES\",\"PENALTY\"]").status()).isEqualTo(400);
    }

    @Test
    void theEndOfDayCloseMovesAccountsBetweenBucketsWithHistoryOncePerDate() {
        api.send("PUT", "/api/v1/business-date", admin, "{\"date\":\"2026-12-15\"}");
        JsonNode summary = api.post("/api/v1/eod-close", admin, "{}").json();
        assertThat(summary.get("businessDate").asString()).isEqualTo("2026-12-15");
        assertThat(summary.get("accounts").asLong()).isEqualTo(3);
        // DPD 30, 70, 110 become 75: M1 → M3 and M4 → M3 change bucket; M3 stays
        assertThat(summary.get("transitions").asLong()).isEqualTo(2);
        JsonNode a = api.get("/api/v1/accounts/" + account, admin).json();
        assertThat(a.get("dpd").asInt()).isEqualTo(75);
        assertThat(a.get("bucket").asString()).isEqualTo("M3");
        JsonNode again = api.post("/api/v1/eod-close", admin, "{}").json();
        assertThat(again.get("repeat").asBoolean()).isTrue();
        Api.Response back = api.post("/api/v1/eod-close", admin, "{\"businessDate\":\"2026-12-01\"}");
        assertThat(back.status()).isEqualTo(409);
        long history = TenantContext.call(tenant.id(), () -> JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM account_bucket_history WHERE source = 'EOD' AND business_date = '2026-12-15'")
                .query(Long.class).single());
        assertThat(history).isEqualTo(2);
    }

    @Test
    void anInterruptedCloseResumesFromItsCheckpoint() {
        LocalDate date = LocalDate.of(2027, 1, 10);
        UUID checkpoint = tenant.accounts().get(1); // as if a crash came after the first chunk ended here
        TenantContext.run(tenant.id(), () -> JdbcClient.create(dataSource).sql("""
                INSERT INTO eod_close (tenant_id, business_date, status, checkpoint, accounts, started_at)
                VALUES (?, ?, 'RUNNING', ?, 2, now())""").params(tenant.id(), date, checkpoint).update());
        EndOfDayClose.Summary s = TenantContext.call(tenant.id(), () -> close.close(date));
        assertThat(s.status()).isEqualTo("DONE");
        // account ids are made in row order, so only the third account lies after the checkpoint
        assertThat(s.accounts()).isEqualTo(2 + 1);
    }

    @Test
    void aDebtorsAccountsAreSeenAsOneInTheReportingCurrency() {
        String debtor = api.get("/api/v1/accounts/" + account, admin).json().get("debtor").get("id").asString();
        JsonNode o = api.get("/api/v1/debtors/" + debtor, admin).json();
        assertThat(o.get("accounts").size()).isEqualTo(1);
        assertThat(o.get("total").get("amount").asString()).isEqualTo("1024.34");
        assertThat(o.get("total").get("currency").asString()).isEqualTo("CNY");
    }

    @Test
    void aPaymentFilePostsGoodRowsAndExplainsBadOnesAndARateFileIsAllOrNothing() {
        String creditor = "CRED-" + tenant.slug().toUpperCase();
        String ref = tenant.slug() + "-0";
        byte[] file = ("creditor_ref,amount,currency,paid_on,reference\n" + ref + ",10.00,CNY,2026-11-20,ST-1\n"
                + "NOPE,1,CNY,2026-11-20,ST-2\n" + ref + ",-1,CNY,2026-11-20,ST-3\n").getBytes(StandardCharsets.UTF_8);
        Api.Response r = api.upload("/api/v1/imports/payments", admin, "statement.csv", file, "creditor", creditor);
        JsonNode job = api.awaitImport(r.json().get("id").asString(), admin);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("imported").asLong()).isEqualTo(1);
        assertThat(job.get("rejected").asLong()).isEqualTo(2);
        String rejections = api.get("/api/v1/imports/" + job.get("id").asString() + "/rejections", admin).body();
        assertThat(rejections).contains("no account with creditor_ref 'NOPE'").contains("greater than zero");

        Api.Response rates = api.upload("/api/v1/imports/exchange-rates", admin, "rates.csv",
                "rate_date,base,quote,rate\n2026-11-20,USD,CNY,7.12\n2026-11-20,EUR,CNY,abc\n".getBytes(StandardCharsets.UTF_8));
        JsonNode ratesJob = api.awaitImport(rates.json().get("id").asString(), admin);
        assertThat(ratesJob.get("status").asString()).isEqualTo("FAILED");
        assertThat(ratesJob.get("error").asString()).contains("No rate was stored").contains("line 3 rate: 'abc' is not a number");
        assertThat(api.get("/api/v1/exchange-rates?date=2026-11-20", admin).json().size()).isZero();
    }
}
