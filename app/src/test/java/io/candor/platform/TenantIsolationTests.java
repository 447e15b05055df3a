package io.candor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import io.candor.identity.Role;
import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** One tenant attacks another's data through every endpoint and through crafted SQL. */
@CandorIntegrationTest
class TenantIsolationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate tx;

    Api api;
    TestTenants.TestTenant bank;
    TestTenants.TestTenant agency;
    String bankAdmin;

    @BeforeEach
    void twoTenants() {
        api = new Api(port);
        bank = tenants.create("bank");
        agency = tenants.create("agency");
        bankAdmin = api.token(bank.slug(), "admin", TestTenants.PASSWORD);
    }

    @Test
    void anotherTenantsUserIsNotFound() {
        UUID theirs = agency.user(Role.ADMIN).id();
        Api.Response r = api.get("/api/v1/users/" + theirs, bankAdmin);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).doesNotContain(agency.slug());
        assertThat(api.get("/api/v1/users/" + bank.user(Role.ADMIN).id(), bankAdmin).status()).isEqualTo(200);
    }

    @Test
    void anotherTenantsAccountIsNotFoundForEveryRole() {
        UUID theirs = agency.accounts().getFirst();
        for (Role role : Role.tenantRoles()) {
            String token = api.token(bank.slug(), role.name().toLowerCase(), TestTenants.PASSWORD);
            assertThat(api.get("/api/v1/accounts/" + theirs, token).status()).as(role.name()).isEqualTo(404);
        }
    }

    @Test
    void listsShowOnlyTheCallersTenant() {
        String body = api.get("/api/v1/accounts?limit=500", bankAdmin).body();
        bank.accounts().forEach(id -> assertThat(body).contains(id.toString()));
        agency.accounts().forEach(id -> assertThat(body).doesNotContain(id.toString()));
        String users = api.get("/api/v1/users?limit=500", bankAdmin).body();
        assertThat(users).doesNotContain(agency.user(Role.ADMIN).id().toString());
        String audit = api.get("/api/v1/audit-events?limit=500", bankAdmin).body();
        assertThat(audit).doesNotContain(agency.user(Role.ADMIN).id().toString());
    }

    @Test
    void aTokenOfOneTenantPresentedWithAnotherTenantsIdIsRejected() {
        // The tenant part of the token selects the row-level security scope; the secret does not exist there.
        String theirTenant = agency.id().toString().replace("-", "");
        String forged = "cnd_" + theirTenant + bankAdmin.substring(36);
        assertThat(api.get("/api/v1/me", forged).status()).isEqualTo(401);
    }

    @Test
    void rowLevelSecurityHidesOtherTenantsRowsFromCraftedSql() {
        JdbcClient sql = JdbcClient.create(dataSource);
        TenantContext.run(bank.id(), () -> {
            assertThat(sql.sql("SELECT count(*) FROM account WHERE tenant_id = ?").param(agency.id())
                    .query(Long.class).single()).isZero();
            assertThat(sql.sql("SELECT count(*) FROM app_user").query(Long.class).single())
                    .isEqualTo(Role.tenantRoles().size());
            assertThat(sql.sql("SELECT count(*) FROM tenant").query(Long.class).single()).isEqualTo(1);
            assertThat(sql.sql("UPDATE account SET dpd = 999 WHERE tenant_id = ?").param(agency.id()).update()).isZero();
            assertThat(sql.sql("UPDATE app_user SET enabled = false WHERE tenant_id = ?").param(agency.id()).update())
                    .isZero();
            assertThatThrownBy(() -> sql.sql("DELETE FROM app_user WHERE tenant_id = ?").param(agency.id()).update())
                    .rootCause().hasMessageContaining("permission denied");
        });
        assertThat(sql.sql("SELECT count(*) FROM account").query(Long.class).single())
                .as("without a tenant, tenant tables look empty").isZero();
    }

    @Test
    void everyTenantTableHasForcedRowLevelSecurityAndKeysLedByTheTenant() {
        JdbcClient sql = JdbcClient.create(dataSource);
        List<String> tables = sql.sql("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
                        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'tenant'
                        ORDER BY c.relname""").query(String.class).list();
        assertThat(tables).as("the tables the later migrations added are checked too")
                .contains("account", "plan_action", "model_version", "account_score", "account_feature_snapshot",
                        "arrangement", "arrangement_instalment", "portal_link", "portal_verification",
                        "payment_checkout", "payment_webhook_event", "dispute_document", "debtor_contact_preference");
        for (String t : tables) {
            Boolean forced = sql.sql("SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE relname = ?")
                    .param(t).query(Boolean.class).single();
            assertThat(forced).as(t + ": row-level security enabled and forced").isTrue();
            assertThat(sql.sql("SELECT count(*) FROM pg_policies WHERE tablename = ? AND policyname = 'tenant_isolation'")
                    .param(t).query(Long.class).single()).as(t + ": tenant_isolation policy").isEqualTo(1);
            // Citus-compatible: the primary key starts with tenant_id
            String first = sql.sql("""
                            SELECT a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
                            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
                            WHERE c.relname = ? AND i.indisprimary""").param(t).query(String.class).optional().orElse("");
            assertThat(first).as(t + ": primary key led by tenant_id").isEqualTo("tenant_id");
        }
    }

    @Test
    void rowLevelSecurityRefusesWritingIntoAnotherTenant() {
        JdbcClient sql = JdbcClient.create(dataSource);
        assertThatThrownBy(() -> TenantContext.run(bank.id(), () -> sql.sql("""
                INSERT INTO creditor (tenant_id, id, code, name, country) VALUES (?, ?, 'X', 'Intruder', 'CN')""")
                .params(agency.id(), UUID.randomUUID()).update()))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    @Test
    void theApplicationRoleCannotSwitchRowLevelSecurityOff() {
        JdbcClient sql = JdbcClient.create(dataSource);
        assertThatThrownBy(() -> sql.sql("ALTER TABLE account DISABLE ROW LEVEL SECURITY").update())
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            sql.sql("SET LOCAL row_security = off").update();
            sql.sql("SELECT count(*) FROM account").query(Long.class).single();
        })).rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void switchingTenantInsideATransactionIsRefused() {
        assertThatThrownBy(() -> TenantContext.run(bank.id(),
                () -> tx.executeWithoutResult(s -> TenantContext.run(agency.id(), () -> { }))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside a transaction");
    }
}
