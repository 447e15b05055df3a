package io.candor.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A complaint's life as a case: received with the debtor's jurisdiction's deadline and the account held; a
 * regulator's referral once however often sent; the same grievance again linked, not counted; a handler who is not
 * the one it is about; the lifecycle's order; four eyes on the final response; the hold lifted when it closes.
 */
@CandorIntegrationTest
class ComplaintCasesTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Test
    void aComplaintIsHandledIndependentlyAnsweredWithFourEyesAndHoldsTheAccountUntilClosed(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path outbox) throws Exception {
        Api api = new Api(port);
        TestTenants.TestTenant t = tenants.create("complaints");
        String supervisor = api.token(t.slug(), "supervisor", TestTenants.PASSWORD);
        String officer = api.token(t.slug(), "compliance_officer", TestTenants.PASSWORD);
        String collector = api.token(t.slug(), "collector", TestTenants.PASSWORD);
        UUID account = t.accounts().getFirst();

        Api.Response bad = api.post("/api/v1/complaints", supervisor, """
                {"account":"%s","summary":"","aboutKind":"COLLECTOR","intake":"REFERRAL"}""".formatted(account));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("summary").contains("about").contains("referredFrom");
        assertThat(api.post("/api/v1/complaints", collector, "{}").status()).as("collectors do not handle complaints")
                .isEqualTo(403);

        // received at 10:00 in Beijing on 20 September 2026: day 15 is in the National Day holiday → 8 October
        Api.Response made = api.post("/api/v1/complaints", supervisor, """
                {"account":"%s","summary":"催收员在上班时间一天打了三次电话，还对我的同事说了我的欠款",
                 "receivedAt":"2026-09-20T02:00:00Z","aboutKind":"COLLECTOR","about":"supervisor",
                 "referredFrom":"CN-12378","externalRef":"12378-2026-0099"}""".formatted(account));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode c = made.json();
        String id = c.get("id").asString();
        assertThat(c.get("intake").asString()).isEqualTo("REFERRAL");
        assertThat(c.get("state").asString()).isEqualTo("RECEIVED");
        assertThat(c.get("jurisdiction").asString()).isEqualTo("CN");
        assertThat(c.get("finalResponseBy").asString()).isEqualTo("2026-10-08");
        assertThat(c.get("deadlineRules").toString()).contains("CN-CMP-01");
        assertThat(holds(api, supervisor, account)).contains("COMPLAINT_OPEN");

        Api.Response again = api.post("/api/v1/complaints", supervisor, """
                {"account":"%s","summary":"the same referral, sent twice","referredFrom":"CN-12378",
                 "externalRef":"12378-2026-0099"}""".formatted(account));
        assertThat(again.json().get("id").asString()).as("one referral, one case").isEqualTo(id);
        Api.Response repeat = api.post("/api/v1/complaints", supervisor, """
                {"account":"%s","summary":"催收员在上班时间一天打了三次电话，还对我同事说了我的欠款！"}""".formatted(account));
        assertThat(repeat.json().get("duplicateOf").asString()).as("the same grievance, linked").isEqualTo(id);
        assertThat(repeat.json().get("state").asString()).isEqualTo("CLOSED");
        assertThat(api.get("/api/v1/complaints?open=true", supervisor).json()).as("counted once").hasSize(1);

        Api.Response notIndependent = api.put("/api/v1/complaints/" + id + "/handler", supervisor,
                "{\"handler\":\"supervisor\"}");
        assertThat(notIndependent.status()).as("the complaint is about the supervisor").isEqualTo(403);
        assertThat(notIndependent.body()).contains("no stake");
        Api.Response notAHandler = api.put("/api/v1/complaints/" + id + "/handler", supervisor,
                "{\"handler\":\"collector\"}");
        assertThat(notAHandler.status()).isEqualTo(400);
        assertThat(api.put("/api/v1/complaints/" + id + "/handler", supervisor,
                "{\"handler\":\"compliance_officer\"}").json().get("handler").asString()).isEqualTo("compliance_officer");

        Api.Response skip = api.post("/api/v1/complaints/" + id + "/state", officer, "{\"state\":\"CLOSED\"}");
        assertThat(skip.status()).as("RECEIVED cannot jump to CLOSED").isEqualTo(409);
        assertThat(skip.body()).contains("ACKNOWLEDGED");
        assertThat(api.post("/api/v1/complaints/" + id + "/state", officer,
                "{\"state\":\"ACKNOWLEDGED\",\"note\":\"acknowledged by letter\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/complaints/" + id + "/state", supervisor, "{\"state\":\"INVESTIGATING\"}")
                .status()).as("only the handler moves it (and the complaint is about this one)").isEqualTo(403);
        assertThat(api.post("/api/v1/complaints/" + id + "/state", officer, "{\"state\":\"INVESTIGATING\"}")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/complaints/" + id + "/state", officer, "{\"state\":\"RESPONDED\"}").status())
                .as("RESPONDED only by an approved final response").isEqualTo(409);
        Api.Response unknownCause = api.post("/api/v1/complaints/" + id + "/root-cause", officer,
                "{\"cause\":\"RUDE\",\"causedByKind\":\"COLLECTOR\"}");
        assertThat(unknownCause.status()).isEqualTo(400);
        assertThat(unknownCause.body()).contains("CN-THIRD-PARTY").contains("causedBy");
        JsonNode found = api.post("/api/v1/complaints/" + id + "/root-cause", officer, """
                {"cause":"CN-THIRD-PARTY","causedByKind":"COLLECTOR","causedBy":"collector",
                 "template":"sms-reminder:2","strategyVariant":"sms-first"}""").json();
        assertThat(found.get("rootCause").get("cause").asString()).isEqualTo("CN-THIRD-PARTY");
        assertThat(found.get("rootCause").get("rulePacks").asString()).as("the packs in force").startsWith("CN ");
        // the collector's contacts in the period: one
        TestTenants.anyHour(api, admin(api, t), tenants.contactPoint(t, account, "PHONE"));
        assertThat(api.post("/api/v1/accounts/" + account + "/contact-decisions", collector,
                "{\"channel\":\"VOICE_HUMAN\",\"party\":\"DEBTOR\",\"contactPoint\":\"+8613800138000\"}")
                .json().get("verdict").asString()).isEqualTo("DENY"); // held: the complaint is open
        io.candor.support.WebSession web = new io.candor.support.WebSession(port)
                .signIn(t.slug(), "supervisor", TestTenants.PASSWORD);
        String dashboards = web.get("/dashboards?from=2026-09-01&to=2026-12-31").body();
        assertThat(dashboards).contains("data-dimension=\"CAUSE\" data-key=\"CN-THIRD-PARTY\"")
                .contains("data-dimension=\"COLLECTOR\" data-key=\"collector\"")
                .contains("data-dimension=\"VARIANT\" data-key=\"sms-first\"")
                .contains("data-dimension=\"TEMPLATE\" data-key=\"sms-reminder:2\"");
        assertThat(api.post("/api/v1/complaints/" + id + "/response", officer,
                "{\"text\":\"经核查，催收员违反了工作时间规定，已停止其催收并整改。\"}").status()).isEqualTo(200);
        Api.Response self = api.post("/api/v1/complaints/" + id + "/response/approve", officer, "{}");
        assertThat(self.status()).as("four eyes").isEqualTo(403);
        assertThat(api.post("/api/v1/complaints/" + id + "/response/approve", supervisor, "{}").status())
                .as("nor the one it is about").isEqualTo(403);
        String admin = api.token(t.slug(), "admin", TestTenants.PASSWORD);
        assertThat(api.post("/api/v1/complaints/" + id + "/response/approve", admin, "{}").status())
                .as("an approver is a supervisor or compliance officer").isEqualTo(403);

        // a second supervisor approves
        io.candor.platform.tenant.TenantContext.run(t.id(), () -> users.create(new io.candor.identity.NewUser(
                "supervisor2", "Second supervisor", null, TestTenants.PASSWORD,
                java.util.EnumSet.of(io.candor.identity.Role.SUPERVISOR), "en")));
        String second = api.token(t.slug(), "supervisor2", TestTenants.PASSWORD);
        Api.Response noTemplate = api.post("/api/v1/complaints/" + id + "/response/approve", second,
                "{\"channel\":\"LETTER\"}");
        assertThat(noTemplate.status()).as("approved, but no final-response template to send it with").isEqualTo(400);
        assertThat(noTemplate.body()).contains("complaint-final-response-letter");
        // the organisation approves the shipped letter and sets its print vendor; the approved response goes out
        JsonNode shipped = null;
        for (JsonNode x : tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                getClass().getResourceAsStream("/template/service-templates.json"))) {
            if (x.get("code").asString().equals("complaint-final-response-letter")
                    && x.get("locale").asString().equals("zh-CN")) {
                shipped = x;
            }
        }
        Api.Response approved = api.put("/api/v1/templates/complaint-final-response-letter", admin,
                ((tools.jackson.databind.node.ObjectNode) shipped).without("code").toString());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(api.put("/api/v1/channels/LETTER", admin, """
                {"settings": {"outbox": "%s", "contactPhone": "400-800-1234"}}""".formatted(
                outbox.toString().replace("\\", "/"))).status()).isEqualTo(200);
        JsonNode sent = api.post("/api/v1/complaints/" + id + "/response/send", second, "{\"channel\":\"LETTER\"}")
                .json();
        assertThat(sent.get("message").get("status").asString()).as(sent.toString()).isEqualTo("SENT");
        assertThat(sent.get("message").get("purpose").asString()).as("a service message, through the complaint's hold")
                .isEqualTo("SERVICE");
        JsonNode responded = sent.get("case");
        assertThat(responded.get("state").asString()).isEqualTo("RESPONDED");
        assertThat(responded.get("respondedBy").asString()).isEqualTo("compliance_officer");
        assertThat(responded.get("approvedBy").asString()).isEqualTo("supervisor2");
        assertThat(responded.get("responseChannel").asString()).isEqualTo("LETTER");
        String letter = sent.get("message").get("id").asString();
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                outbox.resolve(letter + ".pdf").toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("处理决定")
                    .contains("已停止其催收并整改").contains("核查").contains("CMP-" + id.substring(0, 8).toUpperCase());
        }
        assertThat(api.post("/api/v1/complaints/" + id + "/response/send", second, "{}").status())
                .as("sent once").isEqualTo(409);
        assertThat(holds(api, supervisor, account)).as("held until closed").contains("COMPLAINT_OPEN");

        assertThat(api.post("/api/v1/complaints/" + id + "/state", officer, "{\"state\":\"CLOSED\"}").status())
                .isEqualTo(200);
        assertThat(holds(api, supervisor, account)).as("the case's hold ends with it").doesNotContain("COMPLAINT_OPEN");
        JsonNode one = api.get("/api/v1/complaints/" + id, officer).json();
        assertThat(one.get("steps").findValuesAsString("step")).containsExactly("RECEIVED", "ASSIGNED",
                "ACKNOWLEDGED", "INVESTIGATING", "ROOT_CAUSE", "RESPONSE_DRAFTED", "RESPONSE_APPROVED", "RESPONDED", "CLOSED");

        // the regulator's report: one case received in September (due 8 October), answered only now — late
        byte[] xlsx = api.download("/api/v1/complaints/report?from=2026-09-01&to=2026-09-30", officer);
        try (var book = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var summary = book.getFirstSheet().read();
            java.util.Map<String, String> figures = new java.util.HashMap<>();
            for (var row : summary) {
                if (row.getCellCount() >= 2 && row.getCell(1) != null) {
                    figures.put(row.getCellText(0), row.getCellText(1));
                }
            }
            assertThat(figures.get("受理 Received")).as("the repeat is not counted").isEqualTo("1");
            assertThat(figures.get("已作最终答复 Final responses")).isEqualTo("1");
            assertThat(figures.get("按期答复 Answered on time")).isEqualTo("0");
            assertThat(figures.get("按期率 On-time rate")).isEqualTo("0.0 %");
            var categories = book.getSheets().toList().get(1).read();
            assertThat(categories.get(1).getCellText(0)).startsWith("CN-THIRD-PARTY");
        }

        JsonNode reopened = api.post("/api/v1/complaints/" + id + "/state", officer,
                "{\"state\":\"REOPENED\",\"note\":\"the debtor says it happened again\"}").json();
        assertThat(reopened.get("state").asString()).isEqualTo("REOPENED");
        assertThat(holds(api, supervisor, account)).as("held again").contains("COMPLAINT_OPEN");
    }

    @Test
    void aCollectorsComplaintDispositionOpensACaseAndHoldsTheAccount() {
        Api api = new Api(port);
        TestTenants.TestTenant t = tenants.create("complaint-call");
        String admin = api.token(t.slug(), "admin", TestTenants.PASSWORD);
        String collector = api.token(t.slug(), "collector", TestTenants.PASSWORD);
        String supervisor = api.token(t.slug(), "supervisor", TestTenants.PASSWORD);
        UUID account = t.accounts().get(1);
        TestTenants.anyHour(api, admin, tenants.contactPoint(t, account, "PHONE"));
        JsonNode d = api.post("/api/v1/accounts/" + account + "/contact-decisions", collector,
                "{\"channel\":\"VOICE_HUMAN\",\"party\":\"DEBTOR\",\"contactPoint\":\"+8613800138001\"}").json();
        Api.Response disposed = api.post("/api/v1/contact-events/" + d.get("reservation").asString() + "/disposition",
                collector, "{\"code\":\"COMPLAINT\",\"note\":\"says our letters went to her employer\"}");
        assertThat(disposed.status()).as(disposed.body()).isIn(200, 201, 204);
        JsonNode cases = api.get("/api/v1/complaints", supervisor).json();
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).get("intake").asString()).isEqualTo("COLLECTOR");
        assertThat(cases.get(0).get("summary").asString()).isEqualTo("says our letters went to her employer");
        assertThat(cases.get(0).get("createdBy").asString()).isEqualTo("collector");
        assertThat(holds(api, supervisor, account)).contains("COMPLAINT_OPEN");
    }

    @Test
    void aRegulatorsReferralFileIsTakenWholeOrNotAtAllWithEveryBadRowExplained() {
        Api api = new Api(port);
        TestTenants.TestTenant t = tenants.create("referrals");
        String officer = api.token(t.slug(), "compliance_officer", TestTenants.PASSWORD);
        String ref = t.slug() + "-0";
        String bad = """
                referredFrom,externalRef,account,receivedAt,summary
                CN-12378,A-1,%s,2026-11-02T09:00:00+08:00,催收电话太频繁
                CN-12378,A-2,NO-SUCH-ACCOUNT,2026-11-02T09:00:00+08:00,骚扰第三人
                CN-12378,A-3,%s,2026-02-30T09:00:00+08:00,
                CN-12378,A-1,%s,2026-11-02T09:00:00+08:00,the same again
                CN-12378,A-9,%s,2099-01-01T09:00:00+08:00,from the future
                """.formatted(ref, ref, ref, ref);
        Api.Response refused = api.post("/api/v1/complaints/referrals", officer, bad, "Content-Type", "text/csv");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode problems = refused.json().get("problems");
        assertThat(problems.toString()).contains("NO-SUCH-ACCOUNT").contains("2026-02-30").contains("summary")
                .contains("the same referral as line 2").contains("in the future");
        assertThat(problems.findValuesAsString("line")).as("by line").contains("3", "4", "5");
        assertThat(api.get("/api/v1/complaints?open=false", officer).json()).as("nothing written").isEmpty();

        String good = """
                referredFrom,externalRef,account,receivedAt,summary,aboutKind,about
                GB-FOS,PNX-1,%s,2026-04-02T16:30:00+01:00,Letters sent to my employer,COLLECTOR,collector
                US-CFPB,260411-1,%s,2026-11-20T09:00:00-05:00,Called before 8am
                """.formatted(ref, t.slug() + "-1");
        Api.Response taken = api.post("/api/v1/complaints/referrals", officer, good, "Content-Type", "text/csv");
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        assertThat(taken.json().get("received").asInt()).isEqualTo(2);
        Api.Response again = api.post("/api/v1/complaints/referrals", officer, good, "Content-Type", "text/csv");
        assertThat(again.json().get("alreadyKnown").asInt()).as("a file sent twice makes no new cases").isEqualTo(2);
        JsonNode cases = api.get("/api/v1/complaints", officer).json();
        assertThat(cases).hasSize(2);
        assertThat(cases.findValuesAsString("referredFrom")).containsExactlyInAnyOrder("GB-FOS", "US-CFPB");
        assertThat(cases.findValuesAsString("about")).contains("collector");
    }

    @Autowired
    ComplaintDeadlines deadlines;

    @Test
    void aCaseNearItsLastDayIsEscalatedOnceAndTheSupervisorSeesItOverdue() {
        Api api = new Api(port);
        TestTenants.TestTenant t = tenants.create("complaint-due");
        String officer = api.token(t.slug(), "compliance_officer", TestTenants.PASSWORD);
        UUID late = t.accounts().get(0);
        UUID fresh = t.accounts().get(1);
        String overdue = api.post("/api/v1/complaints", officer, """
                {"account":"%s","summary":"no answer to my letter of October","receivedAt":"2026-10-01T02:00:00Z"}"""
                .formatted(late)).json().get("id").asString();
        String recent = api.post("/api/v1/complaints", officer, """
                {"account":"%s","summary":"calls on a Sunday"}""".formatted(fresh)).json().get("id").asString();
        assertThat(io.candor.platform.tenant.TenantContext.call(t.id(), deadlines::checkTenant)).isEqualTo(1);
        assertThat(io.candor.platform.tenant.TenantContext.call(t.id(), deadlines::checkTenant)).as("once").isZero();
        JsonNode steps = api.get("/api/v1/complaints/" + overdue, officer).json().get("steps");
        assertThat(steps.findValuesAsString("step")).containsExactly("RECEIVED", "ESCALATED");
        assertThat(steps.get(1).get("note").asString()).contains("2026-10-16").contains("overdue")
                .contains("compliance officers");
        assertThat(api.get("/api/v1/complaints/" + recent, officer).json().get("steps").findValuesAsString("step"))
                .containsExactly("RECEIVED");

        io.candor.support.WebSession web = new io.candor.support.WebSession(port)
                .signIn(t.slug(), "supervisor", TestTenants.PASSWORD);
        String page = web.get("/supervisor").body();
        assertThat(page).contains("data-case=\"" + overdue + "\"").contains("class=\"overdue\"")
                .contains("2026-10-16");
    }

    @Autowired
    io.candor.identity.Users users;

    private static String admin(Api api, TestTenants.TestTenant t) {
        return api.token(t.slug(), "admin", TestTenants.PASSWORD);
    }

    /** The holds in force on the account (not lifted). */
    private static java.util.List<String> holds(Api api, String token, UUID account) {
        java.util.List<String> inForce = new java.util.ArrayList<>();
        for (JsonNode h : api.get("/api/v1/accounts/" + account + "/holds", token).json()) {
            if (h.get("liftedAt").isNull()) {
                inForce.add(h.get("hold").asString());
            }
        }
        return inForce;
    }
}
