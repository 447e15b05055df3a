package io.candor.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import io.candor.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's record pages: the business date and its close, who read which debtor's data (by account, user and
 * day), and the evidence log's checkpoint, key and an account's bundle.
 */
@CandorIntegrationTest
class RecordsPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    TestTenants.TestTenant tenant;
    WebSession admin;

    @BeforeEach
    void signIn() {
        tenant = tenants.create("records");
        admin = new WebSession(port).signIn(tenant.slug(), "admin", TestTenants.PASSWORD);
    }

    @Test
    void theBusinessDateIsSetAndClosedOnceAndNeverGoesBack() {
        WebSession.Page page = admin.get("/console/business-day");
        LocalDate date = LocalDate.now().plusDays(3);
        WebSession.Page set = admin.post("/console/business-day", page.csrf(), Map.of("date", date.toString()));
        assertThat(set.body()).contains("id=\"business-date\">" + date + "<").contains("id=\"done\"");
        WebSession.Page started = admin.post("/console/business-day/close", set.csrf(), Map.of());
        assertThat(started.status()).isEqualTo(200);
        // the close runs in the background; the page polls its progress until it is done
        String state = started.body();
        for (int i = 0; i < 300 && !state.contains("id=\"closed-now\""); i++) {
            assertThat(state).doesNotContain("id=\"problem\"");
            sleep(100);
            state = admin.get("/console/business-day/progress").body();
        }
        assertThat(state).contains("id=\"closed-now\"").contains("3 accounts aged").contains("id=\"closes\"")
                .doesNotContain("hx-trigger");
        WebSession.Page closed = admin.get("/console/business-day");
        WebSession.Page again = admin.post("/console/business-day/close", closed.csrf(), Map.of());
        assertThat(again.body()).contains("id=\"closed-before\"").contains("was closed before");
        // a closed day is not reopened: the date cannot go back before it
        WebSession.Page back = admin.post("/console/business-day", again.csrf(),
                Map.of("date", date.minusDays(1).toString()));
        assertThat(back.body()).contains("id=\"problem\"").contains("already closed");
        assertThat(back.body()).contains("id=\"business-date\">" + date + "<");
        // a collector may not change the business date
        WebSession collector = new WebSession(port).signIn(tenant.slug(), "collector", TestTenants.PASSWORD);
        assertThat(collector.get("/console/business-day").status()).isEqualTo(403);
    }

    @Test
    void theAuditPageShowsWhoReadWhichDebtorsDataByAccountUserAndDay() {
        String account = tenant.accounts().getFirst().toString();
        // the collector reads the account 360: a read of the debtor's data
        WebSession collector = new WebSession(port).signIn(tenant.slug(), "collector", TestTenants.PASSWORD);
        assertThat(collector.get("/workbench/accounts/" + account).status()).isEqualTo(200);

        WebSession auditor = new WebSession(port).signIn(tenant.slug(), "auditor", TestTenants.PASSWORD);
        String byAccount = auditor.get("/console/audit?account=" + account).body();
        assertThat(byAccount).contains("data-action=\"DEBTOR_DATA_READ\"").contains(">collector<");
        String byUser = auditor.get("/console/audit?user=collector&readsOnly=false").body();
        assertThat(byUser).contains("data-action=\"LOGIN_SUCCEEDED\"").doesNotContain(">admin<");
        String yesterday = auditor.get("/console/audit?account=" + account + "&to="
                + LocalDate.now().minusDays(2)).body();
        assertThat(yesterday).contains("id=\"no-events\"");
        assertThat(auditor.get("/console/audit?from=not-a-date").body()).contains("id=\"problem\"");
        // another organisation's trail is not searchable
        TestTenants.TestTenant other = tenants.create("records-other");
        assertThat(auditor.get("/console/audit?account=" + other.accounts().getFirst()).body())
                .contains("id=\"no-events\"");
        // a collector does not read the trail
        assertThat(collector.get("/console/audit").status()).isEqualTo(403);
    }

    @Test
    void theEvidencePageGivesTheKeyTheCheckpointAndAnAccountsBundle() throws IOException {
        String account = tenant.accounts().getFirst().toString();
        Api api = new Api(port);
        String adminToken = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        // something to prove: a hold on the account is an evidence entry
        api.post("/api/v1/accounts/" + account + "/holds", adminToken, "{\"hold\":\"DISPUTE\",\"reason\":\"test\"}");
        byte[] zip = admin.bytes("/console/evidence/bundle?account=" + account);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("verifier-key.txt", "checkpoint.txt");
        WebSession.Page page = admin.get("/console/evidence");
        assertThat(page.body()).contains("id=\"verifier-key\"").contains("id=\"checkpoint\"");
        assertThat(admin.get("/console/evidence/bundle?account=nope").status()).isEqualTo(400);
        TestTenants.TestTenant other = tenants.create("records-ev");
        assertThat(admin.get("/console/evidence/bundle?account=" + other.accounts().getFirst()).status())
                .isEqualTo(404);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
