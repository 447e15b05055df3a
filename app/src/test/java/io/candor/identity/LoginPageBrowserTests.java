package io.candor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.candor.support.Browser;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-in in a real headless Chromium (Debian's chromium and chromium-driver). */
@CandorIntegrationTest
class LoginPageBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    Browser session;
    WebDriver browser;
    TestTenants.TestTenant tenant;

    @BeforeEach
    void openBrowser() {
        tenant = tenants.create("ui");
        session = new Browser();
        browser = session.driver();
    }

    @AfterEach
    void closeBrowser() {
        session.close();
    }

    @Test
    void aUserSignsInAndSeesTheirOrganisation() {
        browser.get("http://127.0.0.1:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        signIn("admin", TestTenants.PASSWORD);
        assertThat(browser.findElement(By.id("welcome")).getText()).contains("admin of " + tenant.slug());
        assertThat(browser.findElement(By.id("tenant-name")).getText()).isEqualTo("Test " + tenant.slug());
        assertThat(browser.findElement(By.id("buckets")).getText()).contains("M1").contains("M3").contains("M4");
        screenshot("home");
        browser.get("http://127.0.0.1:" + port + "/users");
        assertThat(browser.findElement(By.id("users")).getText()).contains("compliance_officer");
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        browser.get("http://127.0.0.1:" + port + "/login");
        signIn("admin", "not-the-password");
        // the alert is waited for (the click returns before the next page has loaded), then the address is checked
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("locked after repeated failures");
        assertThat(browser.getCurrentUrl()).contains("/login?error");
        screenshot("login-error");
    }

    @Test
    void theLoginPageSpeaksChinese() {
        browser.get("http://127.0.0.1:" + port + "/login?lang=zh-CN");
        assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("登录");
        browser.get("http://127.0.0.1:" + port + "/login?lang=zh-TW");
        assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("登入");
        screenshot("login-zh-TW");
    }

    private void signIn(String user, String password) {
        session.signIn(port, tenant.slug(), user, password);
    }

    private void screenshot(String name) {
        session.screenshot("login-" + name);
    }
}
