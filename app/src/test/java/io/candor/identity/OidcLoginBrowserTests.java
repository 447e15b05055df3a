package io.candor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.candor.support.Browser;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.LocalOidcProvider;
import io.candor.support.TestTenants;
import io.candor.tenancy.Tenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Single sign-on through a real (local) OpenID Connect provider, in a real browser. */
@CandorIntegrationTest
class OidcLoginBrowserTests {

    static final LocalOidcProvider PROVIDER = new LocalOidcProvider();
    static final String TENANT = "sso-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        PROVIDER.springProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("candor.security.oidc-tenant", () -> TENANT);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    Tenants tenantIds;

    Browser browser;

    @BeforeEach
    void setUp() {
        if (tenantIds.idOf(TENANT).isEmpty()) {
            tenants.createExactly(TENANT);
        }
        browser = new Browser();
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aKnownUserSignsInThroughTheIdentityProvider() {
        PROVIDER.nextUser("supervisor");
        browser.driver().get("http://127.0.0.1:" + port + "/login");
        browser.driver().findElement(By.linkText("Sign in with Local SSO")).click();
        assertThat(browser.driver().findElement(By.id("welcome")).getText()).contains("supervisor of " + TENANT);
        browser.screenshot("oidc-home");
    }

    @Test
    void aUserTheTenantDoesNotKnowIsRefused() {
        PROVIDER.nextUser("stranger");
        browser.driver().get("http://127.0.0.1:" + port + "/login");
        browser.driver().findElement(By.linkText("Sign in with Local SSO")).click();
        assertThat(browser.driver().getCurrentUrl()).contains("/login?error");
        browser.driver().get("http://127.0.0.1:" + port + "/");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
    }
}
