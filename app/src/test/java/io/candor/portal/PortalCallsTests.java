package io.candor.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.candor.evidence.ContentStore;
import io.candor.platform.ids.Ids;
import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 阳光催收: the debtor listens to their own calls in the portal when the creditor lets them — and only then; each
 * listening is an audited read by the debtor.
 */
@CandorIntegrationTest
class PortalCallsTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContentStore content;

    @Test
    void theDebtorHearsTheirCallsOnlyWhenTheCreditorAllowsIt() {
        Api api = new Api(port);
        TestTenants.TestTenant tenant = tenants.create("portal-calls");
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        String collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        UUID account = tenant.accounts().getFirst();
        byte[] audio = ("RIFF a call " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String hash = content.put(audio);
        UUID call = Ids.newId();
        String creditor = TenantContext.call(tenant.id(), () -> {
            jdbc.sql("""
                            INSERT INTO call (tenant_id, id, account_id, channel, state, outcome, started_at, ended_at,
                                              placed_by, recording_sha256, recording_ms)
                            VALUES (:t, :id, :a, 'VOICE_AI', 'ENDED', 'VERIFIED', now(), now(), 'test', :hash, 9000)""")
                    .param("t", tenant.id()).param("id", call).param("a", account).param("hash", hash).update();
            return jdbc.sql("SELECT c.code FROM creditor c JOIN portfolio p ON p.creditor_id = c.id "
                    + "JOIN account a ON a.portfolio_id = p.id WHERE a.id = :a").param("a", account)
                    .query(String.class).single();
        });
        String url = api.post("/api/v1/accounts/" + account + "/portal-links", collector, "{}").json().get("url")
                .asString();
        WebSession debtor = new WebSession(port);
        PortalLinkAndVerificationTests.verify(debtor, url);
        String src = "/portal/calls/" + call + "/recording";
        assertThat(debtor.get("/portal").body()).as("off unless the creditor says so").doesNotContain(src);
        assertThat(debtor.get(src).status()).isEqualTo(404);

        Api.Response set = api.put("/api/v1/creditors/" + creditor, admin, """
                {"name": "Creditor", "jurisdictions": ["CN"], "debtorsHearCalls": true}""");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("debtorsHearCalls").asBoolean()).isTrue();
        assertThat(debtor.get("/portal").body()).contains("<audio").contains(src);
        assertThat(debtor.bytes(src)).isEqualTo(audio);
        assertThat(debtor.get("/portal/calls/" + UUID.randomUUID() + "/recording").status())
                .as("only the debtor's own calls").isEqualTo(404);
        TenantContext.run(tenant.id(), () -> assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE resource_type = 'call_recording'
                          AND purpose = 'DEBTOR_PORTAL' AND actor = :debtor""")
                .param("debtor", Verification.DEBTOR).query(Long.class).single()).as("the debtor's listening is audited").isEqualTo(1));
    }
}
