package io.candor.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A user's mistake on a page is a page in their language that says what went wrong, and no error in the log. */
@CandorIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PageErrorsTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Test
    void anUnknownAccountABadExportAndAnInvertedPeriodAreExplainedInTheUsersLanguage(CapturedOutput log) {
        TestTenants.TestTenant tenant = tenants.create("pages");
        TestTenants.TestTenant other = tenants.create("pages2");
        Api api = new Api(port);
        String[][] expected = {
                {"en", "does not exist, or is not your organisation", "no table &quot;foo&quot;", "starts on 2026-12-31"},
                {"zh-CN", "不存在，或不属于您的机构", "没有名为“foo”的表", "开始日期 2026-12-31 晚于结束日期 2026-01-01"},
                {"zh-TW", "不存在，或不屬於您的機構", "沒有名為「foo」的表", "開始日期 2026-12-31 晚於結束日期 2026-01-01"}};
        for (String[] lang : expected) {
            String supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
            assertThat(api.send("PATCH", "/api/v1/me", supervisor, "{\"locale\":\"" + lang[0] + "\"}").status())
                    .isEqualTo(200);
            WebSession staff = new WebSession(port).signIn(tenant.slug(), "supervisor", TestTenants.PASSWORD);
            for (UUID missing : new UUID[] {UUID.randomUUID(), other.accounts().getFirst()}) {
                WebSession.Page page = staff.get("/workbench/accounts/" + missing);
                assertThat(page.status()).isEqualTo(404);
                assertThat(page.body()).contains(lang[1]).contains("id=\"error-message\"");
            }
            WebSession.Page export = staff.get("/dashboards/export?table=foo");
            assertThat(export.status()).isEqualTo(400);
            assertThat(export.body()).contains(lang[2]);
            WebSession.Page period = staff.get("/dashboards?from=2026-12-31&to=2026-01-01");
            assertThat(period.status()).isEqualTo(400);
            assertThat(period.body()).contains(lang[3]);
            WebSession.Page garbage = staff.get("/workbench/accounts/not-an-id");
            assertThat(garbage.status()).isEqualTo(400);
        }
        assertThat(log.getOut() + log.getErr()).doesNotContain("NotFoundException").doesNotContain("BadRequestException")
                .doesNotContain("Unexpected error");
    }
}
