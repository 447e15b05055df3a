package io.candor.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;

import io.candor.compliance.gate.ContactGate;
import io.candor.identity.Role;
import io.candor.platform.Actor;
import io.candor.platform.tenant.TenantContext;
import io.candor.portfolio.ContactPointRef;
import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contact gate on the real database: counters from recorded contacts, holds, reservations, races. */
@CandorIntegrationTest
class ContactGateTests {

    static final String PHONE = "+8613800138000";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    ContactGate gate;

    @Autowired
    DataSource dataSource;

    Api api;
    TestTenants.TestTenant tenant;
    String collector;
    UUID account;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = tenants.create("gate");
        collector = api.token(tenant.slug(), "collector", TestTenants.PASSWORD);
        account = tenant.accounts().getFirst();
    }

    JsonNode decide(String at, String channel) {
        Api.Response r = api.post("/api/v1/accounts/" + account + "/contact-decisions", collector,
                "{\"channel\":\"" + channel + "\",\"party\":\"DEBTOR\",\"contactPoint\":\"" + PHONE + "\",\"at\":\"" + at + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    void conversation(String at) {
        JsonNode d = decide(at, "VOICE_HUMAN");
        assertThat(d.get("verdict").asString()).as(d.toString()).isEqualTo("ALLOW");
        assertThat(api.post("/api/v1/contact-events/" + d.get("reservation").asString() + "/outcome", collector,
                "{\"outcome\":\"RIGHT_PARTY_CONTACT\"}").status()).isEqualTo(204);
    }

    @Test
    void aFourthEffectiveCallOnTheSameDayInChinaIsDeniedUntilTomorrowMorning() {
        conversation("2026-03-02T09:00:00+08:00");
        conversation("2026-03-02T11:00:00+08:00");
        conversation("2026-03-02T13:00:00+08:00");
        JsonNode fourth = decide("2026-03-02T15:00:00+08:00", "VOICE_AI");
        assertThat(fourth.get("verdict").asString()).isEqualTo("DENY");
        assertThat(fourth.get("rules").get(0).asString()).isEqualTo("CN-EFFECTIVE-CALLS");
        assertThat(fourth.get("nextAllowedAt").asString()).isEqualTo("2026-03-03T00:00:00Z");
        assertThat(fourth.get("counters").get("effectiveCallsToday").asInt()).isEqualTo(3);
        assertThat(decide("2026-03-02T15:00:00+08:00", "SMS").get("verdict").asString()).isEqualTo("ALLOW");
    }

    @Test
    void aHoldBlocksEveryChannelUntilItIsLifted() {
        Api.Response hold = api.post("/api/v1/accounts/" + account + "/holds", collector,
                "{\"hold\":\"DISPUTE\",\"reason\":\"debtor disputes the amount by phone\"}");
        assertThat(hold.status()).isEqualTo(201);
        JsonNode denied = email("debtor0@example.com", "2026-03-02T10:00:00+08:00");
        assertThat(denied.get("rules").get(0).asString()).isEqualTo("HOLD-DISPUTE");
        assertThat(denied.get("nextAllowedAt").isNull()).isTrue();
        assertThat(api.post("/api/v1/holds/" + hold.json().get("id").asString() + "/lift", collector, "{}").status())
                .as("collectors may not lift holds").isEqualTo(403);
        String supervisor = api.token(tenant.slug(), "supervisor", TestTenants.PASSWORD);
        assertThat(api.post("/api/v1/holds/" + hold.json().get("id").asString() + "/lift", supervisor, "{}").status())
                .isEqualTo(200);
        assertThat(email("debtor0@example.com", "2026-03-02T10:00:00+08:00").get("verdict").asString()).isEqualTo("ALLOW");
    }

    @Test
    void twoDialersAskingAtOnceNeverBothGetTheLastSlot() throws Exception {
        conversation("2026-03-02T09:00:00+08:00");
        conversation("2026-03-02T11:00:00+08:00");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return TenantContext.call(tenant.id(), () -> gate.decide(new ContactGate.Request(account,
                        Channel.VOICE_AI, Party.DEBTOR, ContactPointRef.parse(PHONE), Instant.parse("2026-03-02T07:00:00Z")),
                        Actor.of(tenant.user(Role.COLLECTOR).id(), "dialer")).verdict().name());
            }));
        }
        start.countDown();
        List<String> verdicts = new ArrayList<>();
        for (Future<String> f : answers) {
            verdicts.add(f.get());
        }
        pool.shutdown();
        assertThat(verdicts).containsExactlyInAnyOrder("ALLOW", "DENY");
    }

    @Test
    void anUnusedReservationExpiresAndFreesItsSlot() {
        conversation("2026-03-02T09:00:00+08:00");
        conversation("2026-03-02T11:00:00+08:00");
        JsonNode third = decide("2026-03-02T13:00:00+08:00", "VOICE_HUMAN");
        assertThat(third.get("verdict").asString()).isEqualTo("ALLOW");
        assertThat(decide("2026-03-02T13:01:00+08:00", "VOICE_HUMAN").get("verdict").asString()).isEqualTo("DENY");
        TenantContext.run(tenant.id(), () -> JdbcClient.create(dataSource)
                .sql("UPDATE contact_event SET reserved_until = now() - interval '1 second' WHERE id = ?")
                .param(UUID.fromString(third.get("reservation").asString())).update());
        assertThat(decide("2026-03-02T13:02:00+08:00", "VOICE_HUMAN").get("verdict").asString()).isEqualTo("ALLOW");
    }

    @Test
    void anOptOutRefusesThatChannelOnThatContactPointAndAConsentCanBeRevoked() {
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        JsonNode points = api.get("/api/v1/accounts/" + account, admin).json().get("contactPoints");
        String phoneId = points.valueStream().filter(c -> c.get("kind").asString().equals("PHONE")).findFirst()
                .orElseThrow().get("id").asString();
        String emailId = points.valueStream().filter(c -> c.get("kind").asString().equals("EMAIL")).findFirst()
                .orElseThrow().get("id").asString();
        assertThat(api.post("/api/v1/contact-points/" + phoneId + "/opt-outs", collector, "{\"channel\":\"SMS\"}").status())
                .isEqualTo(204);
        JsonNode sms = decide("2026-03-02T10:00:00+08:00", "SMS");
        assertThat(sms.get("verdict").asString()).isEqualTo("DENY");
        assertThat(sms.get("rules").get(0).asString()).isEqualTo("OPT-OUT");
        assertThat(decide("2026-03-02T10:00:00+08:00", "VOICE_HUMAN").get("verdict").asString()).isEqualTo("ALLOW");
        assertThat(api.send("DELETE", "/api/v1/contact-points/" + phoneId + "/opt-outs/SMS", collector, null).status())
                .as("collectors may record opt-outs, not undo them").isEqualTo(403);

        // an e-mail decision uses the debtor's local time from their phones and the e-mail's own consents
        String address = points.valueStream().filter(c -> c.get("kind").asString().equals("EMAIL")).findFirst()
                .orElseThrow().get("value").asString();
        JsonNode late = email(address, "2026-03-02T23:00:00+08:00");
        assertThat(late.get("rules").get(0).asString()).isEqualTo("CN-QUIET-HOURS");
        assertThat(api.post("/api/v1/contact-points/" + emailId + "/consents", admin,
                "{\"consent\":\"CONTACT_OUTSIDE_HOURS\"}").status()).isEqualTo(204);
        assertThat(email(address, "2026-03-02T23:00:00+08:00").get("verdict").asString()).isEqualTo("ALLOW");
        assertThat(api.send("DELETE", "/api/v1/contact-points/" + emailId + "/consents/CONTACT_OUTSIDE_HOURS", collector,
                null).status()).isEqualTo(204);
        assertThat(email(address, "2026-03-02T23:05:00+08:00").get("verdict").asString()).isEqualTo("DENY");
    }

    JsonNode decideTo(String contactPoint, String channel) {
        String body = "{\"channel\":\"" + channel + "\",\"party\":\"DEBTOR\","
                + (contactPoint == null ? "" : "\"contactPoint\":" + JsonMapper.builder().build()
                        .writeValueAsString(contactPoint) + ",")
                + "\"at\":\"2026-03-02T10:00:00+08:00\"}";
        Api.Response r = api.post("/api/v1/accounts/" + account + "/contact-decisions", collector, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void anOptOutHoldsWhateverSpellingOfTheNumberIsUsedAndAnythingNotTheAccountsOwnIsRefused() {
        UUID phoneId = tenants.contactPoint(tenant, account, "PHONE");
        assertThat(api.post("/api/v1/contact-points/" + phoneId + "/opt-outs", collector, "{\"channel\":\"SMS\"}")
                .status()).isEqualTo(204);
        for (String spelling : List.of(PHONE, "13800138000", "+86 138 0013 8000", "0086-138-0013-8000", "(+86) 138-0013-8000",
                "\uFF11\uFF13\uFF18\uFF10\uFF10\uFF11\uFF13\uFF18\uFF10\uFF10\uFF10", phoneId.toString())) {
            JsonNode d = decideTo(spelling, "SMS");
            assertThat(d.get("verdict").asString()).as(spelling).isEqualTo("DENY");
            assertThat(d.get("rules").valueStream().map(JsonNode::asString).toList()).as(spelling).contains("OPT-OUT");
            assertThat(d.get("reservation").isNull()).as(spelling).isTrue();
        }
        // anything that is not one of the account's own contact points is refused, fail-closed, and says so
        String otherDebtorsPhone = "+8613800138001";
        for (String stranger : List.of("+86 138****8000", "138****8000", "+19999999999", UUID.randomUUID().toString(),
                otherDebtorsPhone, "13800138000x", "debtor1@example.com")) {
            JsonNode d = decideTo(stranger, "SMS");
            assertThat(d.get("verdict").asString()).as(stranger).isEqualTo("DENY");
            assertThat(d.get("rules").valueStream().map(JsonNode::asString).toList()).as(stranger)
                    .containsExactly(ContactGate.UNKNOWN_POINT);
            assertThat(d.get("reservation").isNull()).isTrue();
        }
        assertThat(decideTo(null, "SMS").get("rules").get(0).asString()).isEqualTo(ContactGate.MISSING_POINT);
        assertThat(decideTo("  ", "VOICE_HUMAN").get("rules").get(0).asString()).isEqualTo(ContactGate.MISSING_POINT);
        // the debtor's own e-mail is theirs, but not a number to text; in capitals it is still the same address
        assertThat(decideTo("debtor0@example.com", "SMS").get("rules").get(0).asString()).isEqualTo(ContactGate.WRONG_KIND);
        assertThat(decideTo(" Debtor0@Example.COM ", "EMAIL").get("verdict").asString()).isEqualTo("ALLOW");
        // another tenant's contact point, by id, is not this account's either (row-level security hides it)
        TestTenants.TestTenant other = tenants.create("gate3");
        UUID foreign = tenants.contactPoint(other, other.accounts().getFirst(), "PHONE");
        assertThat(decideTo(foreign.toString(), "VOICE_HUMAN").get("rules").get(0).asString())
                .isEqualTo(ContactGate.UNKNOWN_POINT);
        // a voice call to the same number in a different spelling is allowed and reserved on the stored point
        JsonNode call = decideTo("138 0013 8000", "VOICE_HUMAN");
        assertThat(call.get("verdict").asString()).isEqualTo("ALLOW");
        TenantContext.run(tenant.id(), () -> assertThat(JdbcClient.create(dataSource)
                .sql("SELECT contact_point || ' ' || contact_point_id FROM contact_event WHERE id = ?")
                .param(UUID.fromString(call.get("reservation").asString())).query(String.class).single())
                .isEqualTo(PHONE + " " + phoneId));
        // the preview the workbench shows answers the same
        Api.Response preview = api.post("/api/v1/accounts/" + account + "/contact-previews", collector,
                "{\"channel\":\"SMS\",\"contactPoint\":\"+86 138 0013 8000\"}");
        assertThat(preview.json().get("rules").valueStream().map(JsonNode::asString).toList()).contains("OPT-OUT");
        Api.Response strangerPreview = api.post("/api/v1/accounts/" + account + "/contact-previews", collector,
                "{\"channel\":\"SMS\",\"contactPoint\":\"+19999999999\"}");
        assertThat(strangerPreview.json().get("verdict").asString()).isEqualTo("DENY");
    }

    @Test
    void aHoldThatPausesCollectionDoesNotStopAnAnswerToTheDebtorsOwnTextButACeaseDoes() {
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        UUID phoneId = tenants.contactPoint(tenant, account, "PHONE");
        TestTenants.anyHour(api, admin, phoneId);
        api.post("/api/v1/accounts/" + account + "/holds", collector, "{\"hold\":\"DISPUTE\",\"reason\":\"disputed\"}");
        Actor agent = Actor.of(tenant.user(Role.COLLECTOR).id(),
                "ai-agent");
        Function<ContactGate.Purpose, ContactGate.Answer> ask = purpose -> TenantContext.call(
                tenant.id(), () -> gate.decide(new ContactGate.Request(account, Channel.SMS, Party.DEBTOR,
                        ContactPointRef.of(phoneId), null, purpose), agent));
        assertThat(ask.apply(ContactGate.Purpose.COLLECTION).rules()).containsExactly("HOLD-DISPUTE");
        assertThat(ask.apply(ContactGate.Purpose.ANSWER).verdict()).isEqualTo(ContactGate.Verdict.ALLOW);
        api.post("/api/v1/accounts/" + account + "/holds", collector,
                "{\"hold\":\"CEASE_COMMUNICATION\",\"reason\":\"asked us to stop\"}");
        assertThat(ask.apply(ContactGate.Purpose.ANSWER).rules()).containsExactly("HOLD-CEASE_COMMUNICATION");
    }

    @Test
    void aHoldEndsAtTheEndOfItsLastBusinessDayNotAtUtcMidnight() {
        // a tenant west of UTC: its business date is still yesterday (UTC) when UTC's day has begun
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        LocalDate businessDay = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        assertThat(api.put("/api/v1/business-date", admin, "{\"date\":\"" + businessDay + "\"}").status())
                .isEqualTo(200);
        TestTenants.anyHour(api, admin, tenants.contactPoint(tenant, account, "PHONE"));
        assertThat(api.post("/api/v1/accounts/" + account + "/holds", collector, "{\"hold\":\"HARDSHIP_PAUSE\","
                + "\"reason\":\"30 days agreed\",\"until\":\"" + businessDay + "\"}").status()).isEqualTo(201);
        Api.Response r = api.post("/api/v1/accounts/" + account + "/contact-decisions", collector,
                "{\"channel\":\"SMS\",\"party\":\"DEBTOR\",\"contactPoint\":\"" + PHONE + "\"}");
        assertThat(r.json().get("rules").valueStream().map(JsonNode::asString).toList()).as(r.body())
                .contains("HOLD-HARDSHIP_PAUSE");
        // the next business day it has ended
        assertThat(api.put("/api/v1/business-date", admin, "{\"date\":\"" + businessDay.plusDays(1) + "\"}")
                .status()).isEqualTo(200);
        Api.Response after = api.post("/api/v1/accounts/" + account + "/contact-decisions", collector,
                "{\"channel\":\"SMS\",\"party\":\"DEBTOR\",\"contactPoint\":\"" + PHONE + "\"}");
        assertThat(after.json().get("rules").valueStream().map(JsonNode::asString).toList()).as(after.body())
                .doesNotContain("HOLD-HARDSHIP_PAUSE");
    }

    @Test
    void aGuarantorsPhoneServesTheGuarantorNotTheDebtor() {
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        String id = api.place(admin, "creditor_ref,debtor_name,phone,country,currency,principal,due_date,"
                + "guarantor_name,guarantor_national_id,guarantor_phone\n"
                + "GU-1,某某商贸有限公司,13700137000,CN,CNY,50000,2026-10-01,林芳,110101198001011111,13900139000\n",
                "GU-1").toString();
        String toGuarantorsPhone = "{\"channel\":\"SMS\",\"party\":\"%s\",\"contactPoint\":\"13900139000\","
                + "\"at\":\"2026-03-02T10:00:00+08:00\"}";
        JsonNode forDebtor = api.post("/api/v1/accounts/" + id + "/contact-decisions", collector,
                String.format(toGuarantorsPhone, "DEBTOR")).json();
        assertThat(forDebtor.get("rules").valueStream().map(JsonNode::asString).toList())
                .containsExactly(ContactGate.OTHER_PARTY);
        JsonNode forGuarantor = api.post("/api/v1/accounts/" + id + "/contact-decisions", collector,
                String.format(toGuarantorsPhone, "GUARANTOR")).json();
        assertThat(forGuarantor.get("rules").valueStream().map(JsonNode::asString).toList())
                .doesNotContain(ContactGate.OTHER_PARTY, ContactGate.UNKNOWN_POINT);
        JsonNode debtorsOwnForGuarantor = api.post("/api/v1/accounts/" + id + "/contact-decisions", collector,
                "{\"channel\":\"SMS\",\"party\":\"GUARANTOR\",\"contactPoint\":\"13700137000\","
                        + "\"at\":\"2026-03-02T10:00:00+08:00\"}").json();
        assertThat(debtorsOwnForGuarantor.get("rules").get(0).asString()).isEqualTo(ContactGate.OTHER_PARTY);
    }

    @Test
    void aNumberMarkedInvalidIsRefused() {
        UUID phoneId = tenants.contactPoint(tenant, account, "PHONE");
        TenantContext.run(tenant.id(), () -> JdbcClient.create(dataSource)
                .sql("UPDATE contact_point SET valid = false WHERE id = ?").param(phoneId).update());
        assertThat(decideTo(PHONE, "VOICE_HUMAN").get("rules").get(0).asString()).isEqualTo(ContactGate.INVALID_POINT);
    }

    @Test
    void inIndonesiaOnlyACollectorWithACurrentCertificateMayCall() {
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        String csv = "creditor_ref,debtor_name,phone,country,currency,principal,due_date\n"
                + "ID-1,Budi Santoso,081234567890,ID,IDR,1500000,2026-01-10\n";
        String id = api.place(admin, csv, "ID-1").toString();
        String call = "{\"channel\":\"VOICE_HUMAN\",\"party\":\"DEBTOR\",\"contactPoint\":\"+6281234567890\","
                + "\"at\":\"2026-03-02T10:00:00+07:00\"}";
        JsonNode denied = api.post("/api/v1/accounts/" + id + "/contact-decisions", collector, call).json();
        assertThat(denied.get("rules").get(0).asString()).isEqualTo("ID-COLLECTOR-CERTIFICATE");
        UUID collectorId = tenant.user(Role.COLLECTOR).id();
        assertThat(api.post("/api/v1/users/" + collectorId + "/qualifications", admin,
                "{\"qualification\":\"SP3\",\"validUntil\":\"2099-01-01\"}").status()).isEqualTo(204);
        assertThat(api.post("/api/v1/accounts/" + id + "/contact-decisions", collector, call).json().get("verdict")
                .asString()).isEqualTo("ALLOW");
        api.post("/api/v1/users/" + collectorId + "/qualifications", admin,
                "{\"qualification\":\"SP3\",\"validUntil\":\"2020-01-01\"}");
        assertThat(api.post("/api/v1/accounts/" + id + "/contact-decisions", collector, call).json().get("verdict")
                .asString()).as("an expired certificate does not count").isEqualTo("DENY");
    }

    JsonNode email(String address, String at) {
        return api.post("/api/v1/accounts/" + account + "/contact-decisions", collector,
                "{\"channel\":\"EMAIL\",\"party\":\"DEBTOR\",\"contactPoint\":\"" + address + "\",\"at\":\"" + at + "\"}")
                .json();
    }

    @Test
    void anotherTenantsAccountIsNotFoundAndDecisionsCannotBeRewritten() {
        TestTenants.TestTenant other = tenants.create("gate2");
        Api.Response r = api.post("/api/v1/accounts/" + other.accounts().getFirst() + "/contact-decisions", collector,
                "{\"channel\":\"SMS\",\"party\":\"DEBTOR\"}");
        assertThat(r.status()).isEqualTo(404);
        decide("2026-03-02T10:00:00+08:00", "SMS");
        TenantContext.run(tenant.id(), () -> assertThatThrownBy(() -> JdbcClient.create(dataSource)
                .sql("UPDATE contact_decision SET decision = 'ALLOW'").update()).rootCause()
                .hasMessageContaining("permission denied"));
    }
}
