package io.candor.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's account search: by a name's start, a phone number written any way, a national id exactly (through
 * its keyed hash), a reference; filters narrow it; another organisation's accounts are never found; every search is
 * audited with what it searched by.
 */
@CandorIntegrationTest
class AccountSearchTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    TestTenants.TestTenant tenant;
    WebSession admin;

    @BeforeEach
    void signIn() {
        tenant = tenants.create("search");
        admin = new WebSession(port).signIn(tenant.slug(), "admin", TestTenants.PASSWORD);
    }

    @Test
    void anAccountIsFoundByNamePhoneNationalIdOrReference() {
        String one = tenant.slug() + "-1";
        assertThat(results("测试债务人1", "NAME")).contains(one).doesNotContain(tenant.slug() + "-0\"");
        assertThat(results("测试债务", "ANY")).contains(tenant.slug() + "-0").contains(one).contains(tenant.slug() + "-2");
        // the number as a debtor says it on the phone, not as it was imported
        assertThat(results("138 0013 8001", "PHONE")).contains(one).doesNotContain(tenant.slug() + "-2<");
        assertThat(results("+86-138-0013-8001", "ANY")).contains(one);
        assertThat(results("11010119900307101X", "NATIONAL_ID")).contains(one);
        assertThat(results("11010119900307101", "NATIONAL_ID")).as("exact only").contains("id=\"no-results\"");
        assertThat(results(one, "REFERENCE")).contains(one);
        assertThat(results(tenant.accounts().get(1).toString(), "ANY")).contains(one);
        // a filter narrows: account 1 is M2 (70 days), account 0 is M1
        assertThat(admin.get("/console/accounts?q=" + enc("测试") + "&bucket=M1").body())
                .contains(tenant.slug() + "-0").doesNotContain(one + "<");

        // another organisation's accounts are not found, whatever is typed
        TestTenants.TestTenant other = tenants.create("search-other");
        assertThat(results(other.slug() + "-1", "ANY")).contains("id=\"no-results\"");

        // every search is audited, by what it searched by, not the text
        Api api = new Api(port);
        String auditor = api.token(tenant.slug(), "auditor", TestTenants.PASSWORD);
        String trail = api.get("/api/v1/audit-events?resourceType=account_list&limit=100", auditor).body();
        assertThat(trail).contains("DEBTOR_SEARCHED").contains("NATIONAL_ID").doesNotContain("11010119900307101X");
    }

    private String results(String q, String by) {
        WebSession.Page page = admin.get("/console/accounts?q=" + enc(q) + "&by=" + by);
        assertThat(page.status()).isEqualTo(200);
        return page.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
