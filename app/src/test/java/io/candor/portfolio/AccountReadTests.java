package io.candor.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Account reads: masking by role, sealed identifiers at rest, an audit event for every read. */
@CandorIntegrationTest
class AccountReadTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    DataSource dataSource;

    Api api;
    TestTenants.TestTenant tenant;
    UUID account;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = tenants.create("acct");
        account = tenant.accounts().getFirst();
    }

    @Test
    void aCollectorSeesPersonalDataMasked() {
        JsonNode a = api.get("/api/v1/accounts/" + account, api.token(tenant.slug(), "collector", TestTenants.PASSWORD)).json();
        assertThat(a.get("debtor").get("nationalId").asString()).matches("110\\*{15}");
        assertThat(a.get("bankAccount").asString()).matches("\\*\\*\\*\\* \\d{4}");
        assertThat(a.get("contactPoints").valueStream().filter(c -> c.get("kind").asString().equals("PHONE"))
                .findFirst().orElseThrow().get("value").asString()).matches("\\+86 138\\*{4}800[0-2]");
        assertThat(a.get("balances").get("total").get("amount").asString()).isEqualTo("1012.34");
        assertThat(a.get("balances").get("total").get("currency").asString()).isEqualTo("CNY");
    }

    @Test
    void aComplianceOfficerSeesThemUnmaskedAndTheReadIsAuditedWithItsPurpose() {
        String officer = api.token(tenant.slug(), "compliance_officer", TestTenants.PASSWORD);
        JsonNode a = api.get("/api/v1/accounts/" + account, officer).json();
        assertThat(a.get("debtor").get("nationalId").asString()).startsWith("11010119900307").hasSize(18);
        assertThat(a.get("bankAccount").asString()).startsWith("6222020200112233");
        String audit = api.get("/api/v1/audit-events?resourceType=account&resourceId=" + account, officer).body();
        assertThat(audit).contains("DEBTOR_DATA_READ").contains("\"purpose\":\"ACCOUNT_VIEW\"")
                .contains("\"actor\":\"compliance_officer\"").contains("NATIONAL_ID");
    }

    @Test
    void aListIsAuditedAndPagedWithACursor() {
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        JsonNode first = api.get("/api/v1/accounts?limit=2", admin).json();
        assertThat(first.get("items").size()).isEqualTo(2);
        JsonNode second = api.get("/api/v1/accounts?limit=2&cursor=" + first.get("nextCursor").asString(), admin).json();
        assertThat(second.get("items").size()).isEqualTo(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(api.get("/api/v1/audit-events?resourceType=account_list", admin).body()).contains("DEBTOR_DATA_READ");
        assertThat(api.get("/api/v1/accounts?limit=0", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/accounts?cursor=not-a-cursor", admin).status()).isEqualTo(400);
    }

    @Test
    void findsADebtorsAccountsByNationalIdWithinTheTenantOnly() {
        String collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        Api.Response found = api.post("/api/v1/accounts/search", collector, "{\"nationalId\":\" 11010119900307101x \"}");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().size()).isEqualTo(1);
        assertThat(found.json().get(0).get("creditorRef").asString()).isEqualTo(tenant.slug() + "-1");
        TestTenants.TestTenant other = tenants.create("other");
        String theirs = api.token(other.slug(), "collector", TestTenants.PASSWORD);
        assertThat(api.post("/api/v1/accounts/search", theirs, "{\"nationalId\":\"11010119900307101X\"}").json()
                .valueStream().map(a -> a.get("creditorRef").asString())).allMatch(ref -> ref.startsWith(other.slug()));
        assertThat(api.get("/api/v1/audit-events?resourceType=account_list", api.token(tenant.slug(), "admin",
                TestTenants.PASSWORD)).body()).contains("DEBTOR_SEARCHED").doesNotContain("11010119900307101");
    }

    @Test
    void nationalIdsAndBankAccountsAreEncryptedAtRest() {
        JdbcClient sql = JdbcClient.create(dataSource);
        TenantContext.run(tenant.id(), () -> {
            assertThat(sql.sql("SELECT count(*) FROM debtor WHERE encode(national_id_enc, 'escape') LIKE '%1101011990%'")
                    .query(Long.class).single()).isZero();
            assertThat(sql.sql("SELECT count(*) FROM debtor WHERE national_id_enc IS NOT NULL").query(Long.class).single())
                    .isEqualTo(3);
            assertThat(sql.sql("SELECT count(*) FROM account WHERE encode(bank_account_enc, 'escape') LIKE '%62220202%'")
                    .query(Long.class).single()).isZero();
        });
    }

    @Test
    void theAuditTrailCannotBeRewritten() {
        JdbcClient sql = JdbcClient.create(dataSource);
        TenantContext.run(tenant.id(), () -> {
            assertThatThrownBy(() -> sql.sql("UPDATE audit_event SET actor = 'someone else'").update())
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.sql("DELETE FROM audit_event").update())
                    .rootCause().hasMessageContaining("permission denied");
        });
    }
}
