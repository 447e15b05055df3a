package io.candor.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.candor.platform.tenant.TenantContext;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Portal links revoked and replaced, sessions ending with their link, and what staff can and cannot see or do. */
@CandorIntegrationTest
class PortalLinkAndVerificationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    JdbcClient jdbc;

    Api api;
    TestTenants.TestTenant tenant;
    String collector;
    UUID account;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = tenants.create("plink");
        collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        account = tenant.accounts().getFirst();
    }

    JsonNode link() {
        Api.Response r = api.post("/api/v1/accounts/" + account + "/portal-links", collector, "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** Opens the link and verifies with the debtor's ID last four and date of birth; the page it ends on. */
    static WebSession.Page verify(WebSession browser, String url) {
        WebSession.Page page = browser.get(url);
        assertThat(page.status()).isEqualTo(200);
        return browser.post(url + "/verify", page.csrf(), Map.of("idLast4", "100X", "birthDate", "1990-03-07"));
    }

    @Test
    void aNewLinkReplacesTheLiveOneARevokedLinkEndsItsSessionsAndSoDoesExpiry() {
        JsonNode first = link();
        WebSession debtor = new WebSession(port);
        assertThat(verify(debtor, first.get("url").asString()).uri().getPath()).isEqualTo("/portal");
        assertThat(debtor.get("/portal").uri().getPath()).isEqualTo("/portal");

        // one live link per account: the second replaces the first, whose session ends at once
        JsonNode second = link();
        assertThat(debtor.get("/portal").uri().getPath()).isEqualTo("/p/ended");
        WebSession.Page replaced = new WebSession(port).get(first.get("url").asString());
        assertThat(replaced.status()).isEqualTo(410);
        assertThat(replaced.body()).as("the notice speaks the debtor's language").contains("lang=\"zh-CN\"");
        JsonNode listed = api.get("/api/v1/accounts/" + account + "/portal-links", collector).json();
        assertThat(listed.valueStream().map(l -> l.get("status").asString()).toList())
                .containsExactly("LIVE", "REVOKED");
        assertThat(listed.get(0).get("id").asString()).isEqualTo(second.get("id").asString());

        // revoked by a person: the link and its session stop working
        WebSession again = new WebSession(port);
        assertThat(verify(again, second.get("url").asString()).uri().getPath()).isEqualTo("/portal");
        Api.Response revoked = api.post("/api/v1/portal-links/" + second.get("id").asString() + "/revoke", collector, "{}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.json().get("revokedBy").asString()).isEqualTo("collector");
        assertThat(again.get("/portal").uri().getPath()).isEqualTo("/p/ended");
        assertThat(new WebSession(port).get(second.get("url").asString()).status()).isEqualTo(410);

        // a verified session ends when its link expires
        JsonNode third = link();
        WebSession late = new WebSession(port);
        assertThat(verify(late, third.get("url").asString()).uri().getPath()).isEqualTo("/portal");
        TenantContext.run(tenant.id(), () -> jdbc.sql(
                "UPDATE portal_link SET expires_at = now() - interval '1 second' WHERE id = :id")
                .param("id", UUID.fromString(third.get("id").asString())).update());
        assertThat(late.get("/portal").uri().getPath()).isEqualTo("/p/ended");

        // another tenant's link and links of another tenant's account are not found
        TestTenants.TestTenant other = tenants.create("plink2");
        String theirs = api.token(other.slug(), "collector", TestTenants.PASSWORD);
        assertThat(api.post("/api/v1/portal-links/" + third.get("id").asString() + "/revoke", theirs, "{}").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + account + "/portal-links", theirs).status()).isEqualTo(404);
    }

    @Test
    void theAccount360ListsTheLinksAndRevokesOne() {
        JsonNode live = link();
        WebSession staff = new WebSession(port).signIn(tenant.slug(), "collector", TestTenants.PASSWORD);
        WebSession.Page fragment = staff.get("/workbench/accounts/" + account + "/portal-links");
        assertThat(fragment.body()).contains("data-status=\"LIVE\"").contains("Revoke");
        WebSession.Page page = staff.get("/workbench/accounts/" + account);
        WebSession.Page after = staff.post("/workbench/accounts/" + account + "/portal-links/"
                + live.get("id").asString() + "/revoke", page.csrf(), Map.of());
        assertThat(after.body()).contains("The portal link is revoked");
        assertThat(staff.get("/workbench/accounts/" + account + "/portal-links").body())
                .contains("data-status=\"REVOKED\"").doesNotContain("data-status=\"LIVE\"");
    }

    @Test
    void noStaffScreenShowsWhatTheDebtorProvesWhoTheyAreWithAndAVerificationFromAStaffSessionIsRecorded() {
        for (String role : new String[] {"admin", "supervisor", "collector", "agency_user", "auditor"}) {
            String token = api.token(tenant.slug(), role, TestTenants.PASSWORD);
            JsonNode debtor = api.get("/api/v1/accounts/" + account, token).json().get("debtor");
            assertThat(debtor.get("birthDate").asString()).as(role).isEqualTo("1990-**-**");
            assertThat(debtor.get("nationalId").asString()).as(role).startsWith("110").doesNotContain("100X")
                    .matches("110\\*+");
        }
        String officer = api.token(tenant.slug(), "compliance_officer", TestTenants.PASSWORD);
        JsonNode unmasked = api.get("/api/v1/accounts/" + account, officer).json().get("debtor");
        assertThat(unmasked.get("birthDate").asString()).isEqualTo("1990-03-07");
        WebSession staff = new WebSession(port).signIn(tenant.slug(), "collector", TestTenants.PASSWORD);
        assertThat(staff.get("/workbench/accounts/" + account).body()).doesNotContain("100X").doesNotContain("1990-03-07");

        // the collector opens the debtor's link in the browser they are signed in with: recorded as a staff session
        WebSession.Page verified = verify(staff, link().get("url").asString());
        assertThat(verified.uri().getPath()).isEqualTo("/portal");
        String origin = TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT staff_origin FROM portal_verification WHERE account_id = :a ORDER BY at DESC LIMIT 1")
                .param("a", account).query(String.class).single());
        assertThat(origin).isEqualTo("STAFF_SESSION:collector");
        // the debtor's own phone is not
        assertThat(verify(new WebSession(port), link().get("url").asString()).uri().getPath()).isEqualTo("/portal");
        assertThat(TenantContext.call(tenant.id(), () -> jdbc.sql(
                "SELECT count(*) FROM portal_verification WHERE account_id = :a AND staff_origin IS NULL AND success")
                .param("a", account).query(Long.class).single())).isEqualTo(1);
    }
}
