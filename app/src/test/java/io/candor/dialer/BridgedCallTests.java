package io.candor.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.Kamailio;
import io.candor.support.TestTenants;
import io.candor.telephony.Baresip;
import io.candor.telephony.media.ToneDetector;
import io.candor.telephony.media.Wav;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A preview call bridged by Candor between real phones: the collector's baresip registered with Kamailio (the
 * configuration Candor ships) hums at 1000 Hz, the debtor's baresip on the trunk at 440 Hz. The collector dials; their
 * phone rings and answers, then the debtor's; each hears the other; the debtor hangs up. The recording has the debtor
 * on the left and the collector on the right, and the collector is left wrapping up. The keys the debtor presses
 * in-band reach the collector and never the recording.
 */
@CandorIntegrationTest
class BridgedCallTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @TempDir
    Path dir;

    @Autowired
    io.candor.identity.Users users;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aCollectorsPreviewCallBridgesTheirPhoneToTheDebtorsAndRecordsBothSides() throws Exception {
        Floor f = floor("bridge");
        Api api = f.api();
        String admin = f.admin();
        String collector = f.collector();
        UUID account = f.account();
        try (Kamailio registrar = Kamailio.start(Files.createDirectories(dir.resolve("kamailio")));
             Baresip collectorPhone = Baresip.registered(Files.createDirectories(dir.resolve("collector")), "1001",
                     registrar.port, tone(1000, 60));
             Baresip debtorPhone = Baresip.start(Files.createDirectories(dir.resolve("debtor")), "8613800138000",
                     keying(tone(440, 60)))) {
            f.readyOn(registrar, debtorPhone);

            Api.Response dial = api.post("/api/v1/agents/me/calls", collector, "{\"account\":\"" + account + "\"}");
            assertThat(dial.status()).as(dial.body()).isEqualTo(202);
            String call = dial.json().get("call").asString();
            assertThat(dial.json().get("contactEvent").asString()).isNotBlank();
            assertThat(api.get("/api/v1/agents/me/state", collector).json().get("state").asString())
                    .isEqualTo("ON_CALL");

            JsonNode v = await(api, admin, call, "ANSWERED");
            Thread.sleep(3_000); // both talk
            debtorPhone.hangUp();
            v = await(api, admin, call, "ENDED");
            assertThat(v.get("channel").asString()).isEqualTo("VOICE_HUMAN");
            assertThat(v.get("outcome").asString()).as(v.toString()).isEqualTo("ANSWERED");
            assertThat(v.get("recording").isNull()).as(v.toString()).isFalse();

            byte[] wav = api.download(v.get("recording").get("url").asString(), admin);
            short[] left = Wav.channel(wav, 0);
            short[] right = Wav.channel(wav, 1);
            assertThat(power(left, 440)).as("the debtor, on the left").isGreaterThan(10 * power(left, 1000));
            assertThat(power(right, 1000)).as("the collector, on the right").isGreaterThan(10 * power(right, 440));
            short[] collectorHeard = collectorPhone.heard();
            assertThat(power(collectorHeard, 440)).as("the collector heard the debtor")
                    .isGreaterThan(10 * power(collectorHeard, 1000));
            assertThat(new ToneDetector().accept(collectorHeard, 0, collectorHeard.length))
                    .as("the keys the debtor pressed passed through to the collector").contains("55");
            assertThat(new ToneDetector().accept(left, 0, left.length)).as("and are masked in the recording")
                    .isEmpty();

            assertThat(api.get("/api/v1/agents/me/state", collector).json().get("state").asString())
                    .isEqualTo("WRAP_UP");
        }
    }

    @Test
    void aSupervisorWhispersToTheCollectorWhomTheDebtorNeverHearsAndHoldSilencesTheDebtorsSide() throws Exception {
        Floor f = floor("whisper");
        Api api = f.api();
        String admin = f.admin();
        String collector = f.collector();
        String supervisor = api.token(f.tenant().slug(), "supervisor", TestTenants.PASSWORD);
        UUID account = f.account();
        try (Kamailio registrar = Kamailio.start(Files.createDirectories(dir.resolve("kamailio")));
             Baresip collectorPhone = Baresip.registered(Files.createDirectories(dir.resolve("collector")), "1001",
                     registrar.port, tone(1000, 60));
             Baresip supervisorPhone = Baresip.registered(Files.createDirectories(dir.resolve("supervisor")), "2001",
                     registrar.port, tone(2000, 60));
             Baresip debtorPhone = Baresip.start(Files.createDirectories(dir.resolve("debtor")), "8613800138000",
                     tone(440, 60))) {
            f.readyOn(registrar, debtorPhone);
            Api.Response notOnFloor = api.post("/api/v1/calls/" + UUID.randomUUID() + "/listen", supervisor,
                    "{\"whisper\":false}");
            assertThat(notOnFloor.status()).isEqualTo(409);
            assertThat(notOnFloor.body()).contains("Sign in to the floor");
            assertThat(api.put("/api/v1/agents/me/state", supervisor,
                    "{\"state\":\"PAUSED\",\"reason\":\"COACHING\",\"extension\":\"2001\"}").status()).isEqualTo(200);

            String call = api.post("/api/v1/agents/me/calls", collector, "{\"account\":\"" + account + "\"}").json()
                    .get("call").asString();
            await(api, admin, call, "ANSWERED");
            Api.Response listen = api.post("/api/v1/calls/" + call + "/listen", supervisor, "{\"whisper\":true}");
            assertThat(listen.status()).as(listen.body()).isEqualTo(202);
            Thread.sleep(3_000);
            io.candor.platform.tenant.TenantContext.run(f.tenant().id(), () -> users.create(
                    new io.candor.identity.NewUser("collector2", "Another collector", null, TestTenants.PASSWORD,
                            java.util.EnumSet.of(io.candor.identity.Role.COLLECTOR), "en")));
            Api.Response notTheirs = api.post("/api/v1/calls/" + call + "/hold",
                    api.token(f.tenant().slug(), "collector2", TestTenants.PASSWORD), "{\"on\":true}");
            // collector2 has the role the endpoint asks for: the refusal is the call's being someone else's
            assertThat(notTheirs.status()).as("another collector's call").isEqualTo(403);
            assertThat(api.post("/api/v1/calls/" + call + "/hold", collector, "{\"on\":true}").status()).isEqualTo(200);
            Thread.sleep(1_500);
            assertThat(api.post("/api/v1/calls/" + call + "/hold", collector, "{\"on\":false}").status()).isEqualTo(200);
            Thread.sleep(1_000);
            debtorPhone.hangUp();
            JsonNode v = await(api, admin, call, "ENDED");
            assertThat(api.post("/api/v1/calls/" + call + "/hold", collector, "{\"on\":true}").status())
                    .as("an ended call has nothing to hold").isEqualTo(409);

            short[] supervisorHeard = supervisorPhone.heard();
            assertThat(power(supervisorHeard, 440)).as("the supervisor heard the debtor")
                    .isGreaterThan(10 * power(supervisorHeard, 2000));
            assertThat(power(supervisorHeard, 1000)).as("and the collector").isGreaterThan(10 * power(supervisorHeard, 2000));
            short[] collectorHeard = collectorPhone.heard();
            assertThat(power(collectorHeard, 2000)).as("the collector heard the whisper")
                    .isGreaterThan(10 * power(collectorHeard, 1000));
            short[] debtorHeard = debtorPhone.heard();
            assertThat(power(debtorHeard, 1000)).as("the debtor heard the collector, never the supervisor")
                    .isGreaterThan(100 * power(debtorHeard, 2000));
            byte[] wav = api.download(v.get("recording").get("url").asString(), admin);
            short[] right = Wav.channel(wav, 1);
            assertThat(power(right, 1000)).isGreaterThan(100 * power(right, 2000));
            // on hold the debtor heard nothing: a stretch of at least a second of silence in what they heard
            assertThat(longestQuiet(right)).as("the hold").isGreaterThan(8000);
        }
    }

    @Test
    void aCollectorDialsFromTheAccountAndTransfersTheCallToASupervisorWhoTakesItOver() throws Exception {
        Floor f = floor("transfer");
        Api api = f.api();
        String admin = f.admin();
        String collector = f.collector();
        String supervisor = api.token(f.tenant().slug(), "supervisor", TestTenants.PASSWORD);
        try (Kamailio registrar = Kamailio.start(Files.createDirectories(dir.resolve("kamailio")));
             Baresip collectorPhone = Baresip.registered(Files.createDirectories(dir.resolve("collector")), "1001",
                     registrar.port, tone(1000, 60));
             Baresip supervisorPhone = Baresip.registered(Files.createDirectories(dir.resolve("supervisor")), "2001",
                     registrar.port, tone(2000, 60));
             Baresip debtorPhone = Baresip.start(Files.createDirectories(dir.resolve("debtor")), "8613800138000",
                     tone(440, 60))) {
            f.readyOn(registrar, debtorPhone);
            assertThat(api.put("/api/v1/agents/me/state", supervisor,
                    "{\"state\":\"PAUSED\",\"reason\":\"COACHING\",\"extension\":\"2001\"}").status()).isEqualTo(200);
            // the collector presses dial on the account 360: on the floor, that is a real call
            io.candor.support.WebSession web = new io.candor.support.WebSession(port)
                    .signIn(f.tenant().slug(), "collector", TestTenants.PASSWORD);
            io.candor.support.WebSession.Page page = web.get("/workbench/accounts/" + f.account());
            java.util.regex.Matcher point = java.util.regex.Pattern
                    .compile("name=\"point\" value=\"([0-9a-f-]{36})\"").matcher(page.body());
            assertThat(point.find()).as("the page offers a dial").isTrue();
            io.candor.support.WebSession.Page dialled = web.post("/workbench/accounts/" + f.account() + "/contacts",
                    page.csrf(), java.util.Map.of("point", point.group(1), "channel", "VOICE_HUMAN"));
            assertThat(dialled.uri().getQuery()).as("the call panel opens").startsWith("call=");
            assertThat(api.get("/api/v1/agents/me/state", collector).json().get("state").asString())
                    .isEqualTo("ON_CALL");
            String call = io.candor.platform.tenant.TenantContext.call(f.tenant().id(), () -> jdbc.sql(
                    "SELECT id FROM call WHERE account_id = :a AND placed_by = 'collector'")
                    .param("a", f.account()).query(UUID.class).single()).toString();
            await(api, admin, call, "ANSWERED");
            Thread.sleep(1_500);
            Api.Response notSupervisor = api.post("/api/v1/calls/" + call + "/transfer", collector, "{\"to\":\"admin\"}");
            assertThat(notSupervisor.status()).isEqualTo(400);
            assertThat(notSupervisor.body()).contains("not a supervisor");
            Api.Response moved = api.post("/api/v1/calls/" + call + "/transfer", collector, "{\"to\":\"supervisor\"}");
            assertThat(moved.status()).as(moved.body()).isEqualTo(202);
            String state = "";
            for (int i = 0; i < 100 && !state.equals("ON_CALL"); i++) {
                Thread.sleep(100);
                state = api.get("/api/v1/agents/me/state", supervisor).json().get("state").asString();
            }
            assertThat(state).as("the supervisor took the call").isEqualTo("ON_CALL");
            assertThat(api.get("/api/v1/agents/me/state", collector).json().get("state").asString())
                    .as("the collector handed it on").isEqualTo("WRAP_UP");
            // baresip closes what its phone heard when its call ends: readable now, with the debtor still on
            assertThat(collectorPhone.heard()).as("the collector's phone was hung up on").isNotEmpty();
            Thread.sleep(3_000); // the debtor and the supervisor talk
            debtorPhone.hangUp();
            JsonNode v = await(api, admin, call, "ENDED");
            assertThat(v.get("outcome").asString()).isEqualTo("ANSWERED");
            assertThat(api.get("/api/v1/agents/me/state", supervisor).json().get("state").asString())
                    .as("whoever took the call wraps it up").isEqualTo("WRAP_UP");

            short[] supervisorHeard = supervisorPhone.heard();
            assertThat(power(supervisorHeard, 440)).as("the supervisor heard the debtor")
                    .isGreaterThan(10 * power(supervisorHeard, 1000));
            short[] debtorHeard = debtorPhone.heard();
            assertThat(power(debtorHeard, 2000)).as("the debtor heard the supervisor").isGreaterThan(0);
            assertThat(power(debtorHeard, 1000)).as("and the collector before").isGreaterThan(0);
            byte[] wav = api.download(v.get("recording").get("url").asString(), admin);
            short[] right = Wav.channel(wav, 1);
            assertThat(power(right, 2000)).as("the recording has the supervisor on the right")
                    .isGreaterThan(power(right, 1000) / 10);
            assertThat(power(right, 1000)).as("after the collector").isGreaterThan(power(right, 2000) / 10);
        }
    }

    /** The longest run of near-silent samples. */
    private static int longestQuiet(short[] x) {
        int best = 0;
        int run = 0;
        for (short v : x) {
            run = Math.abs(v) < 200 ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    /** A tenant whose first account's debtor may be rung at any hour, signed in as its admin and collector. */
    record Floor(Api api, TestTenants.TestTenant tenant, String admin, String collector, UUID account) {

        /** The trunk rings {@code debtor}, the registrar is {@code registrar}; the collector is READY on 1001. */
        void readyOn(Kamailio registrar, Baresip debtor) {
            assertThat(api.put("/api/v1/channels/VOICE_HUMAN", admin, """
                    {"settings":{"host":"127.0.0.1","port":"%d","from":"4008001234","registrar":"127.0.0.1:%d"}}"""
                    .formatted(debtor.port, registrar.port)).status()).isEqualTo(200);
            assertThat(api.put("/api/v1/agents/me/state", collector, "{\"state\":\"READY\",\"extension\":\"1001\"}")
                    .status()).isEqualTo(200);
        }
    }

    private Floor floor(String prefix) {
        Api api = new Api(port);
        TestTenants.TestTenant tenant = tenants.create(prefix);
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        UUID account = tenant.accounts().getFirst();
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "PHONE"));
        return new Floor(api, tenant, admin, api.token(tenant.slug(), "collector", TestTenants.PASSWORD), account);
    }

    private static JsonNode await(Api api, String token, String call, String state) throws Exception {
        JsonNode v = null;
        for (int i = 0; i < 200; i++) {
            v = api.get("/api/v1/calls/" + call, token).json();
            if (v.get("state").asString().equals(state) || v.get("state").asString().equals("ENDED")) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the call never reached " + state + ": " + v);
    }

    /** The debtor keys 5 in-band (770 + 1336 Hz, 90 ms) every half second over {@code voice}. */
    private static short[] keying(short[] voice) {
        for (int start = 2000; start + 720 < voice.length; start += 4000) {
            for (int i = 0; i < 720; i++) {
                voice[start + i] = (short) (5000 * Math.sin(2 * Math.PI * 770 * i / 8000)
                        + 5000 * Math.sin(2 * Math.PI * 1336 * i / 8000));
            }
        }
        return voice;
    }

    private static short[] tone(double hz, int seconds) {
        short[] s = new short[8000 * seconds];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * i / 8000));
        }
        return s;
    }

    /** Goertzel power of {@code hz} over the whole signal. */
    private static double power(short[] x, double hz) {
        double w = 2 * Math.PI * hz / 8000;
        double c = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (short v : x) {
            double s0 = v + c * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - c * s1 * s2;
    }
}
