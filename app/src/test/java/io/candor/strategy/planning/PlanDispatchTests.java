package io.candor.strategy.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.candor.channel.sandbox.SandboxSmsc;
import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.tenancy.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The day's plan reaches the debtor: a due planned SMS goes out through the SMSC once, and the action remembers it. */
@CandorIntegrationTest
class PlanDispatchTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanDispatch dispatch;

    @Autowired
    Tenants directory;

    SandboxSmsc smsc;

    @BeforeEach
    void start() throws Exception {
        smsc = new SandboxSmsc("candor", "pw");
    }

    @AfterEach
    void stop() throws Exception {
        smsc.close();
    }

    @Test
    void aDuePlannedSmsIsSentOnceAndRecordedOnTheAction() throws Exception {
        Api api = new Api(port);
        TestTenants.TestTenant tenant = tenants.create("dispatch");
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1); // the plan's 10:00 SMS is already due
        TenantContext.run(tenant.id(), () -> directory.setBusinessDate(tenant.id(), yesterday));
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        String supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        StrategyFixture.install(api, admin, supervisor);
        assertThat(api.put("/api/v1/channels/SMS", admin, """
                {"settings": {"host": "127.0.0.1", "port": "%d", "systemId": "candor", "sourceAddr": "10690001",
                              "contactPhone": "400-800-1234"}, "secret": "pw"}""".formatted(smsc.port)).status())
                .isEqualTo(200);
        UUID m1 = tenant.accounts().getFirst();
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, m1, "PHONE"));
        assertThat(api.post("/api/v1/strategy/runs", supervisor, "{\"date\":\"" + yesterday + "\"}").status())
                .isEqualTo(200);

        TenantContext.run(tenant.id(), () -> dispatch.dispatchDue());
        TenantContext.run(tenant.id(), () -> dispatch.dispatchDue()); // nothing is due twice
        assertThat(smsc.submitted).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("8613800138000");
            assertThat(m.text()).startsWith("测试债务人0您好").endsWith("回复TD退订");
        });
        List<String> actions = TenantContext.call(tenant.id(), () -> jdbc.sql("""
                        SELECT pa.channel || ':' || pa.status || ':' || coalesce(m.status, '-')
                        FROM plan_action pa LEFT JOIN outbound_message m ON m.id = pa.message_id
                        WHERE pa.business_date = :d ORDER BY pa.channel""").param("d", yesterday)
                .query(String.class).list());
        assertThat(actions).containsExactly("SMS:DISPATCHED:SENT", "VOICE_HUMAN:PLANNED:-", "VOICE_HUMAN:PLANNED:-");
    }
}
