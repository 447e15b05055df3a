package io.candor.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.Kamailio;
import io.candor.support.TestTenants;
import io.candor.telephony.Baresip;
import io.candor.telephony.Sipp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A progressive campaign on real peers: three collectors' baresip phones registered with Kamailio, twenty debtors
 * answered by SIPp on the trunk. Each answered debtor is bridged to a ready collector (a line per ready collector,
 * so nobody waits), every call recorded, nobody abandoned; the collector signed in to the floor in a real Chromium
 * sees each call's account 360 open on answer (screen-pop). A predictive campaign outrunning its collectors plays the
 * information message to those it abandons and holds itself to the limits.
 */
@CandorIntegrationTest
class CampaignCallTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    io.candor.identity.Users users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void aProgressiveCampaignBridgesEachAnsweredDebtorToAReadyCollectorAndAbandonsNobody() throws Exception {
        Api api = new Api(port);
        TestTenants.TestTenant tenant = tenants.create("campaign");
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        String supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        for (String name : List.of("collector2", "collector3")) {
            io.candor.platform.tenant.TenantContext.run(tenant.id(), () -> users.create(new io.candor.identity.NewUser(
                    name, name, null, TestTenants.PASSWORD, java.util.EnumSet.of(io.candor.identity.Role.COLLECTOR),
                    "en")));
        }
        assertThat(api.put("/api/v1/teams/floor", supervisor, """
                {"code":"floor","name":"Floor","languages":[],"buckets":[],"products":[],"rank":1,
                 "members":["collector","collector2","collector3"]}""").status()).isEqualTo(200);
        List<UUID> accounts = tenants.addAccounts(tenant, "dial", 20);
        callableAnyHour(api, admin, tenant, accounts);
        Path scenario = debtors("/sipp/answer-talk-bye.xml", 500, 2500);
        try (Kamailio registrar = Kamailio.start(Files.createDirectories(dir.resolve("kamailio")));
             Baresip p1 = Baresip.registered(Files.createDirectories(dir.resolve("c1")), "1001", registrar.port, tone(1000));
             Baresip p2 = Baresip.registered(Files.createDirectories(dir.resolve("c2")), "1002", registrar.port, tone(1200));
             Baresip p3 = Baresip.registered(Files.createDirectories(dir.resolve("c3")), "1003", registrar.port, tone(1400));
             Sipp debtors = Sipp.run(scenario, Files.createDirectories(dir.resolve("sipp")), "-m", "20");
             io.candor.support.Browser browser = new io.candor.support.Browser()) {
            trunk(api, admin, debtors, registrar);
            // the first collector signs in to the floor in a browser; the others by the API
            browser.signIn(port, tenant.slug(), "collector", TestTenants.PASSWORD);
            WebDriver driver = browser.driver();
            driver.get("http://127.0.0.1:" + port + "/floor");
            driver.findElement(By.id("extension")).clear();
            driver.findElement(By.id("extension")).sendKeys("1001");
            browser.clickAndWait(By.id("ready"));
            assertThat(driver.findElement(By.cssSelector("#my-state strong")).getAttribute("data-state"))
                    .isEqualTo("READY");
            int ext = 1002;
            for (String name : List.of("collector2", "collector3")) {
                String token = api.token(tenant.slug(), name, TestTenants.PASSWORD);
                Api.Response r = api.put("/api/v1/agents/me/state", token,
                        "{\"state\":\"READY\",\"extension\":\"" + ext++ + "\"}");
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
            Api.Response bad = api.post("/api/v1/campaigns", supervisor,
                    "{\"name\":\"x\",\"team\":\"nope\",\"mode\":\"PREDICTIVE\",\"ringSeconds\":10}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("team").contains("caller").contains("callBack").contains("15");

            String body = "{\"name\":\"Day one\",\"team\":\"floor\",\"mode\":\"PROGRESSIVE\",\"queue\":\"LIST\","
                    + "\"accounts\":" + accounts.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",", "[", "]"))
                    + ",\"caller\":\"华信资产\",\"callBack\":\"4008001234\",\"wrapUpSeconds\":0}";
            Api.Response made = api.post("/api/v1/campaigns", supervisor, body);
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            String id = made.json().get("campaign").get("id").asString();
            assertThat(made.json().get("campaign").get("state").asString()).isEqualTo("READY");
            assertThat(api.post("/api/v1/campaigns/" + id + "/start", supervisor, "{}").status()).isEqualTo(200);

            JsonNode v = null;
            java.util.Set<UUID> popped = new java.util.HashSet<>();
            java.util.regex.Pattern opened = java.util.regex.Pattern.compile("/workbench/accounts/([0-9a-f-]{36})\\?call=");
            for (int i = 0; i < 1200; i++) {
                v = api.get("/api/v1/campaigns/" + id, supervisor).json();
                var m = opened.matcher(driver.getCurrentUrl());
                if (m.find() && !driver.findElements(By.id("call-panel")).isEmpty()) {
                    popped.add(UUID.fromString(m.group(1))); // the account 360 with the call's disposition panel
                }
                JsonNode c = v.get("counters");
                if (c.get("remaining").asLong() == 0 && c.get("ringing").asLong() == 0) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(popped).as("the collector's screen opened the accounts of the calls bridged to them")
                    .isNotEmpty();
            assertThat(accounts).containsAll(popped);
            JsonNode c = v.get("counters");
            assertThat(c.get("placed").asLong()).as(v.toString()).isEqualTo(20);
            assertThat(c.get("bridged").asLong()).as(v.toString()).isEqualTo(20);
            assertThat(c.get("abandoned").asLong()).as(v.toString()).isZero();
            assertThat(v.get("pacedAs").asString()).isEqualTo("PROGRESSIVE");
            for (JsonNode w : v.get("abandoned")) {
                assertThat(w.get("rate").asDouble()).isZero();
                assertThat(w.get("live").asLong()).isEqualTo(20);
            }
            debtors.assertScenarioPassed();
            List<String> takers = io.candor.platform.tenant.TenantContext.call(tenant.id(), () -> jdbc.sql("""
                            SELECT placed_by FROM call WHERE account_id = ANY(:a) AND outcome = 'ANSWERED'
                              AND recording_sha256 IS NOT NULL""")
                    .param("a", accounts.toArray(UUID[]::new)).query(String.class).list());
            assertThat(takers).as("every call answered, recorded, and taken by a collector").hasSize(20);
            assertThat(takers).as("all three collectors took calls").contains("collector", "collector2", "collector3");
            JsonNode offer = api.get("/api/v1/agents/me/offer", api.token(tenant.slug(), "collector",
                    TestTenants.PASSWORD)).json();
            assertThat(accounts).as("the collector's screen opens the account of the call bridged to them")
                    .contains(UUID.fromString(offer.get("account").asString()));
        }
    }

    /**
     * A predictive campaign whose debtors answer at once while two collectors talk: the 24-hour window already holds 97
     * live calls of the day before, so the limits allow three abandons. The pacer rings the two ready collectors' lines
     * plus those three; the three debtors no collector takes hear the information message (its speech is on the
     * recording's right channel) and count as abandoned; the pacer then holds predictive dialling to the collectors
     * free, and no window passes 3 %. A second predictive campaign leaves the abandoned numbers resting (72 h).
     */
    @Test
    void aPredictiveCampaignThatOutrunsItsCollectorsPlaysTheMessageCountsTheAbandonsAndHoldsToTheLimits()
            throws Exception {
        Api api = new Api(port);
        TestTenants.TestTenant tenant = tenants.create("predictive");
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        String supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        io.candor.platform.tenant.TenantContext.run(tenant.id(), () -> users.create(new io.candor.identity.NewUser(
                "collector2", "collector2", null, TestTenants.PASSWORD,
                java.util.EnumSet.of(io.candor.identity.Role.COLLECTOR), "en")));
        assertThat(api.put("/api/v1/teams/floor", supervisor, """
                {"code":"floor","name":"Floor","languages":[],"buckets":[],"products":[],"rank":1,
                 "members":["collector","collector2"]}""").status()).isEqualTo(200);
        List<UUID> accounts = tenants.addAccounts(tenant, "pred", 8);
        callableAnyHour(api, admin, tenant, accounts);
        List<UUID> first = accounts.subList(0, 7);
        Path scenario = debtors("/sipp/answer-talk-or-hear-bye.xml", 0, 16000);
        try (Kamailio registrar = Kamailio.start(Files.createDirectories(dir.resolve("kamailio")));
             Baresip p1 = Baresip.registered(Files.createDirectories(dir.resolve("c1")), "1001", registrar.port, tone(1000));
             Baresip p2 = Baresip.registered(Files.createDirectories(dir.resolve("c2")), "1002", registrar.port, tone(1200));
             Sipp debtors = Sipp.run(scenario, Files.createDirectories(dir.resolve("sipp")), "-m", "8")) {
            trunk(api, admin, debtors, registrar);
            String id = campaign(api, supervisor, "Predictive", first);
            seedYesterday(tenant, UUID.fromString(id), 97);
            int ext = 1001;
            for (String name : List.of("collector", "collector2")) {
                String token = api.token(tenant.slug(), name, TestTenants.PASSWORD);
                assertThat(api.put("/api/v1/agents/me/state", token,
                        "{\"state\":\"READY\",\"extension\":\"" + ext++ + "\"}").status()).isEqualTo(200);
            }
            assertThat(api.post("/api/v1/campaigns/" + id + "/start", supervisor, "{}").status()).isEqualTo(200);

            JsonNode v = null;
            java.util.Set<String> whys = new java.util.HashSet<>();
            for (int i = 0; i < 1200; i++) {
                v = api.get("/api/v1/campaigns/" + id, supervisor).json();
                if (!v.get("why").isNull()) {
                    whys.add(v.get("why").asString());
                }
                for (JsonNode w : v.get("abandoned")) {
                    assertThat(w.get("rate").asDouble()).as("%s at every moment", w).isLessThanOrEqualTo(0.03);
                }
                JsonNode c = v.get("counters");
                if (c.get("remaining").asLong() == 0 && c.get("ringing").asLong() == 0) {
                    break;
                }
                Thread.sleep(100);
            }
            JsonNode c = v.get("counters");
            assertThat(c.get("placed").asLong()).as(v.toString()).isEqualTo(7);
            assertThat(c.get("abandoned").asLong()).as("the debtors no collector took, %s", v)
                    .isBetween(1L, 3L);
            assertThat(c.get("bridged").asLong() + c.get("abandoned").asLong()).as(v.toString()).isEqualTo(7);
            assertThat(whys).as("predictive dialling held to what the limits allow").contains("HELD_TO_THE_LIMITS");
            for (JsonNode w : v.get("abandoned")) {
                assertThat(w.get("live").asLong()).isEqualTo(97 + 7);
                assertThat(w.get("rate").asDouble()).isLessThanOrEqualTo(0.03);
                assertThat(w.get("source").asString()).isNotBlank();
            }
            List<UUID> abandonedCalls = io.candor.platform.tenant.TenantContext.call(tenant.id(), () -> jdbc.sql("""
                            SELECT call_id FROM campaign_call WHERE campaign_id = :c AND outcome = 'ABANDONED'""")
                    .param("c", UUID.fromString(id)).query(UUID.class).list());
            assertThat(abandonedCalls).hasSize((int) c.get("abandoned").asLong());
            for (UUID call : abandonedCalls) {
                JsonNode record = api.get("/api/v1/calls/" + call, admin).json();
                assertThat(record.get("outcome").asString()).as(record.toString()).isEqualTo("ABANDONED");
                byte[] wav = api.download(record.get("recording").get("url").asString(), admin);
                assertThat(voicedSeconds(io.candor.telephony.media.Wav.channel(wav, 1)))
                        .as("the information message the debtor heard, on the recording's right channel")
                        .isGreaterThan(3.0);
                assertThat(voicedSeconds(io.candor.telephony.media.Wav.channel(wav, 0)))
                        .as("the debtor's side, on the left").isGreaterThan(0.5);
            }
            api.post("/api/v1/campaigns/" + id + "/pause", supervisor, "{}");

            // a second predictive campaign: the abandoned numbers rest, the fresh one is rung
            List<UUID> rested = io.candor.platform.tenant.TenantContext.call(tenant.id(), () -> jdbc.sql("""
                            SELECT account_id FROM campaign_call WHERE campaign_id = :c AND outcome = 'ABANDONED'""")
                    .param("c", UUID.fromString(id)).query(UUID.class).list());
            List<UUID> second = new java.util.ArrayList<>(rested);
            second.add(accounts.get(7));
            String again = campaign(api, supervisor, "Predictive again", second);
            assertThat(api.post("/api/v1/campaigns/" + again + "/start", supervisor, "{}").status()).isEqualTo(200);
            JsonNode w = null;
            for (int i = 0; i < 600; i++) {
                w = api.get("/api/v1/campaigns/" + again, supervisor).json();
                if (w.get("counters").get("bridged").asLong() == 1 && w.get("counters").get("ringing").asLong() == 0) {
                    break;
                }
                Thread.sleep(100);
            }
            Thread.sleep(1_500); // a few more ticks: the resting numbers stay unrung
            w = api.get("/api/v1/campaigns/" + again, supervisor).json();
            assertThat(w.get("counters").get("bridged").asLong()).as(w.toString()).isEqualTo(1);
            assertThat(w.get("counters").get("placed").asLong()).as("the resting numbers were not rung, %s", w)
                    .isEqualTo(1);
            api.post("/api/v1/campaigns/" + again + "/pause", supervisor, "{}");
            debtors.assertScenarioPassed();
        }
    }

    /**
     * A collector whose phone stops answering after they went READY: the debtor handed to it within the connect window
     * hears the information message (abandoned), and the collector goes OFFLINE (PHONE_UNREACHABLE) so the dialer
     * hands them no more debtors.
     */
    @Test
    void aCollectorWhosePhoneDoesNotAnswerAHandedCallGoesOffline() throws Exception {
        Api api = new Api(port);
        TestTenants.TestTenant tenant = tenants.create("deadphone");
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        String supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        String collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        assertThat(api.put("/api/v1/teams/floor", supervisor, """
                {"code":"floor","name":"Floor","languages":[],"buckets":[],"products":[],"rank":1,
                 "members":["collector"]}""").status()).isEqualTo(200);
        List<UUID> accounts = tenants.addAccounts(tenant, "dead", 1);
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, accounts.getFirst(), "PHONE"));
        Path scenario = debtors("/sipp/answer-talk-or-hear-bye.xml", 0, 30000);
        try (Kamailio registrar = Kamailio.start(Files.createDirectories(dir.resolve("kamailio")));
             Sipp debtors = Sipp.run(scenario, Files.createDirectories(dir.resolve("sipp")), "-m", "1")) {
            trunk(api, admin, debtors, registrar);
            Baresip phone = Baresip.registered(Files.createDirectories(dir.resolve("c1")), "1001", registrar.port,
                    tone(1000));
            assertThat(api.put("/api/v1/agents/me/state", collector, "{\"state\":\"READY\",\"extension\":\"1001\"}")
                    .status()).isEqualTo(200);
            phone.kill(); // still registered, never answering
            String id = campaign(api, supervisor, "Dead phone", accounts);
            assertThat(api.post("/api/v1/campaigns/" + id + "/mode", supervisor, "{\"mode\":\"PROGRESSIVE\"}")
                    .status()).isEqualTo(200);
            assertThat(api.post("/api/v1/campaigns/" + id + "/start", supervisor, "{}").status()).isEqualTo(200);
            JsonNode v = null;
            for (int i = 0; i < 600; i++) {
                v = api.get("/api/v1/campaigns/" + id, supervisor).json();
                if (v.get("counters").get("remaining").asLong() == 0 && v.get("counters").get("ringing").asLong() == 0) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(v.get("counters").get("abandoned").asLong()).as(v.toString()).isEqualTo(1);
            JsonNode me = api.get("/api/v1/agents/me/state", collector).json();
            assertThat(me.get("state").asString()).as(me.toString()).isEqualTo("OFFLINE");
            assertThat(me.get("reason").asString()).isEqualTo("PHONE_UNREACHABLE");
            String detail = io.candor.platform.tenant.TenantContext.call(tenant.id(), () -> jdbc.sql(
                    "SELECT detail FROM campaign_call WHERE campaign_id = :c").param("c", UUID.fromString(id))
                    .query(String.class).single());
            assertThat(detail).contains("did not answer").contains("information message");
            api.post("/api/v1/campaigns/" + id + "/pause", supervisor, "{}");
        }
    }

    private static String campaign(Api api, String supervisor, String name, List<UUID> accounts) {
        String body = "{\"name\":\"" + name + "\",\"team\":\"floor\",\"mode\":\"PREDICTIVE\",\"queue\":\"LIST\","
                + "\"accounts\":" + accounts.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",", "[", "]"))
                + ",\"caller\":\"华信资产\",\"callBack\":\"4008001234\",\"wrapUpSeconds\":0}";
        Api.Response made = api.post("/api/v1/campaigns", supervisor, body);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("campaign").get("id").asString();
    }

    /** {@code n} calls bridged yesterday, two hours ago: live calls in every window, none abandoned. */
    private void seedYesterday(TestTenants.TestTenant tenant, UUID campaign, int n) {
        java.time.OffsetDateTime at = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(2);
        io.candor.platform.tenant.TenantContext.run(tenant.id(), () -> {
            for (int i = 0; i < n; i++) {
                jdbc.sql("""
                    INSERT INTO campaign_call (tenant_id, campaign_id, business_date, account_id, dialled_at, paced_as,
                                               outcome, answered_at, collector, rang_ms, talk_ms)
                    VALUES (:t, :c, :d, :a, :at, 'PREDICTIVE', 'BRIDGED', :at, 'collector', 4000, 120000)""")
                        .param("t", tenant.id()).param("c", campaign).param("d", at.toLocalDate().minusDays(1))
                        .param("a", UUID.randomUUID()).param("at", at.plusSeconds(i)).update();
            }
        });
    }

    /** Seconds of 20 ms frames loud enough to be speech. */
    private static double voicedSeconds(short[] x) {
        int voiced = 0;
        for (int i = 0; i + 160 <= x.length; i += 160) {
            double sum = 0;
            for (int j = i; j < i + 160; j++) {
                sum += (double) x[j] * x[j];
            }
            if (Math.sqrt(sum / 160) > 300) {
                voiced++;
            }
        }
        return voiced * 0.02;
    }

    /** The debtors' SIPp scenario from {@code resource}, with its ring and talk times written in. */
    private Path debtors(String resource, int ringMs, int talkMs) throws java.io.IOException {
        Path scenario = dir.resolve("debtors.xml");
        try (var in = getClass().getResourceAsStream(resource)) {
            Files.writeString(scenario, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .replace("RING_MS", Integer.toString(ringMs)).replace("TALK_MS", Integer.toString(talkMs)),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return scenario;
    }

    /** The tenant's VOICE_HUMAN trunk at the debtors' SIPp, and its registrar Kamailio. */
    private static void trunk(Api api, String admin, Sipp debtors, Kamailio registrar) {
        assertThat(api.put("/api/v1/channels/VOICE_HUMAN", admin, """
                {"settings":{"host":"127.0.0.1","port":"%d","from":"4008001234","registrar":"127.0.0.1:%d","maxCalls":"50"}}"""
                .formatted(debtors.port, registrar.port)).status()).isEqualTo(200);
    }

    /** The accounts' phones may be rung at any hour (the test runs whenever it runs). */
    private void callableAnyHour(Api api, String admin, TestTenants.TestTenant tenant, List<UUID> accounts) {
        for (UUID a : accounts) {
            TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, a, "PHONE"));
        }
    }

    private static short[] tone(double hz) {
        short[] s = new short[8000 * 60];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * i / 8000));
        }
        return s;
    }
}
