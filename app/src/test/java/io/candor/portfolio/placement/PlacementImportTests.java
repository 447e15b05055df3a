package io.candor.portfolio.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Placement files through the real API, into the real database. */
@CandorIntegrationTest
class PlacementImportTests {

    static final String HEADER = "creditor_ref,product,debtor_name,national_id,phone,country,currency,principal,interest,due_date,dpd\n";

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    Api api;
    String admin;
    String creditor;
    String tenantSlug;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        TestTenants.TestTenant t = tenants.create("imp");
        tenantSlug = t.slug();
        admin = api.token(t.slug(), "admin", TestTenants.PASSWORD);
        creditor = "CRED-" + t.slug().toUpperCase();
    }

    JsonNode importFile(String name, byte[] content, String... fields) {
        Api.Response r = api.upload("/api/v1/imports/placements", admin, name, content, fields);
        assertThat(r.status()).as(r.body()).isIn(200, 202);
        return api.awaitImport(r.json().get("id").asString(), admin);
    }

    List<JsonNode> rejections(JsonNode job) {
        return api.get("/api/v1/imports/" + job.get("id").asString() + "/rejections?limit=1000", admin).json()
                .get("items").valueStream().toList();
    }

    @Test
    void importsTheGoodRowsAndExplainsEveryBadOne() {
        String csv = HEADER
                + "A1,CREDIT_CARD,王伟,110101199003071234,13800138000,CN,CNY,1000.00,10.5,2026-10-01,30\n"
                + "A2,CREDIT_CARD,,110101199003071235,13800138001,CN,CNY,1000,0,2026-10-01,30\n"
                + "A3,CREDIT_CARD,李娜,,13800138002,CN,CNY,-5,0,2026-10-01,30\n"
                + "A4,CREDIT_CARD,张敏,,13800138003,CN,CNY,abc,0,2026/10/01,30\n"
                + "A5,CREDIT_CARD,刘洋,,13800138004,CN,XYZ,100,0,2026-10-01,30\n"
                + "A1,CREDIT_CARD,王伟,,13800138000,CN,CNY,5,0,2026-10-01,30\n"
                + "A6,CREDIT_CARD,陈静,,12345,CN,CNY,100,0,2026-10-01,30\n"
                + "A7,CREDIT_CARD,=HYPERLINK(\"http://x\"),,13800138005,CN,CNY,100,0,2026-10-01,30\n"
                + "A8,LOAN_SHARK,周杰,,13800138006,CN,CNY,100.001,0,2026-10-01,30,extra\n"
                + "A9,SME_LOAN,黄超,,13800138007,CN,JPY,100.5,0,2026-10-01,30\n";
        JsonNode job = importFile("mixed.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("read").asLong()).isEqualTo(10);
        assertThat(job.get("imported").asLong()).isEqualTo(2); // A1 and A7
        assertThat(job.get("rejected").asLong()).isEqualTo(8);
        Map<Long, String> byLine = rejections(job).stream().collect(Collectors.groupingBy(r -> r.get("line").asLong(),
                Collectors.mapping(r -> r.path("column").asString() + ": " + r.get("reason").asString(), Collectors.joining("; "))));
        assertThat(byLine.get(3L)).contains("debtor_name: is required");
        assertThat(byLine.get(4L)).contains("principal: must not be negative");
        assertThat(byLine.get(5L)).contains("principal: 'abc' is not an amount").contains("due_date: '2026/10/01' is not a date");
        assertThat(byLine.get(6L)).contains("currency: 'XYZ' is not an ISO 4217 currency code");
        assertThat(byLine.get(7L)).contains("duplicate creditor_ref 'A1': first on line 2");
        assertThat(byLine.get(8L)).contains("phone: '12345' is not a valid phone number in CN");
        assertThat(byLine.get(10L)).contains("the row has 12 cells but the header has 11");
        assertThat(byLine.get(11L)).contains("has more decimals than JPY allows (0)");
        // people who fix files see the row with its personal data masked; a compliance officer sees it raw, audited
        assertThat(rejections(job).stream().filter(r -> r.get("line").asLong() == 6L).findFirst().orElseThrow()
                .get("raw").asString()).isEqualTo("A5,CREDIT_CARD,刘洋,,138****8004,CN,XYZ,100,0,2026-10-01,30");
        assertThat(rejections(job).stream().filter(r -> r.get("line").asLong() == 3L).findFirst().orElseThrow()
                .get("raw").asString()).contains("110***************").doesNotContain("1235");
        assertThat(rejections(job).stream().filter(r -> r.get("line").asLong() == 10L).findFirst().orElseThrow()
                .get("raw").asString()).as("a row whose cells are out of place is masked wherever a number is")
                .contains("周杰").doesNotContain("13800138006");
        String officer = api.token(tenantSlug, "compliance_officer", TestTenants.PASSWORD);
        Api.Response rawPage = api.get("/api/v1/imports/" + job.get("id").asString() + "/rejections?limit=1000", officer);
        assertThat(rawPage.status()).as(rawPage.body()).isEqualTo(200);
        JsonNode raw = rawPage.json();
        assertThat(raw.get("items").valueStream().filter(r -> r.get("line").asLong() == 6L).findFirst().orElseThrow()
                .get("raw").asString()).isEqualTo("A5,CREDIT_CARD,刘洋,,13800138004,CN,XYZ,100,0,2026-10-01,30");
        String supervisor = api.token(tenantSlug, "supervisor", TestTenants.PASSWORD);
        assertThat(api.get("/api/v1/imports/" + job.get("id").asString() + "/rejections?limit=1000", supervisor).body())
                .doesNotContain("13800138").doesNotContain("110101199003071235");
        String accounts = api.get("/api/v1/accounts?limit=500", admin).body();
        assertThat(accounts).contains("=HYPERLINK(\\\"http://x\\\")").contains("\"creditorRef\":\"A1\"")
                .contains("\"amount\":\"1010.50\"");
    }

    @Test
    void aFileWithoutRequiredColumnsIsRefusedWholeWithOneMessageListingThem() {
        JsonNode job = importFile("bad-header.csv", "creditor_ref,name,amount\nA1,x,1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").asString()).contains("required columns debtor_name, country, currency, principal, due_date");
        assertThat(job.get("imported").asLong()).isZero();
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        byte[] csv = (HEADER + "B1,CREDIT_CARD,王伟,,13800138000,CN,CNY,1000.00,0,2026-10-01,30\n")
                .getBytes(StandardCharsets.UTF_8);
        JsonNode first = importFile("once.csv", csv);
        Api.Response again = api.upload("/api/v1/imports/placements", admin, "once-renamed.csv", csv);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("repeat").asBoolean()).isTrue();
        assertThat(again.json().get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(api.get("/api/v1/accounts?limit=500", admin).json().get("items").valueStream()
                .filter(a -> a.get("creditorRef").asString().equals("B1")).count()).isEqualTo(1);
    }

    @Test
    void anIncrementalFileUpdatesBalancesAndBucketsAndARecallClosesAccounts() {
        importFile("day1.csv", (HEADER + "C1,CREDIT_CARD,王伟,110101199003071234,13800138000,CN,CNY,1000,0,2026-10-01,20\n"
                + "C2,CREDIT_CARD,王伟,110101199003071234,13800138000,CN,CNY,500,0,2026-10-01,20\n")
                .getBytes(StandardCharsets.UTF_8), "creditor", creditor);
        JsonNode day2 = importFile("day2.csv", (HEADER + "C1,CREDIT_CARD,王伟,110101199003071234,13800138000,CN,CNY,900,12,2026-09-01,45\n")
                .getBytes(StandardCharsets.UTF_8), "creditor", creditor);
        assertThat(day2.get("updated").asLong()).as(day2.toString()).isEqualTo(1);
        assertThat(day2.get("imported").asLong()).isZero();
        JsonNode c1 = account("C1");
        assertThat(c1.get("bucket").asString()).isEqualTo("M2");
        assertThat(c1.get("balance").get("amount").asString()).isEqualTo("912.00");
        // both accounts belong to one debtor (same identity number): master/sub
        JsonNode detail = api.get("/api/v1/accounts/" + c1.get("id").asString(), admin).json();
        JsonNode c2 = api.get("/api/v1/accounts/" + account("C2").get("id").asString(), admin).json();
        assertThat(detail.get("debtor").get("id").asString()).isEqualTo(c2.get("debtor").get("id").asString());

        Api.Response recall = api.upload("/api/v1/imports/recalls", admin, "recall.csv",
                "creditor_ref\nC2\nNOPE\n".getBytes(StandardCharsets.UTF_8), "creditor", creditor);
        JsonNode job = api.awaitImport(recall.json().get("id").asString(), admin);
        assertThat(job.get("updated").asLong()).isEqualTo(1);
        assertThat(job.get("rejected").asLong()).isEqualTo(1);
        assertThat(rejections(job).getFirst().get("reason").asString()).contains("no open account with creditor_ref 'NOPE'");
        assertThat(account("C2").get("status").asString()).isEqualTo("RECALLED");
    }

    @Test
    void readsGb18030FilesWithoutBeingTold() {
        byte[] gb = (HEADER + "D1,CREDIT_CARD,欧阳娜娜,,13800138000,CN,CNY,100,0,2026-10-01,5\n").getBytes(Charset.forName("GB18030"));
        JsonNode job = importFile("gbk.csv", gb);
        assertThat(job.get("imported").asLong()).isEqualTo(1);
        assertThat(account("D1").get("debtorName").asString()).isEqualTo("欧阳娜娜");
    }

    @Test
    void readsXlsxAndKeepsFormulasAsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("placement");
            String[] header = HEADER.strip().split(",");
            for (int i = 0; i < header.length; i++) {
                ws.value(0, i, header[i]);
            }
            Object[] row = {"E1", "BNPL", "Budi Santoso", "", "081234567890", "ID", "IDR", 1500000, 0, "2026-10-01", 12};
            for (int i = 0; i < row.length; i++) {
                if (row[i] instanceof Number n) {
                    ws.value(1, i, n);
                } else {
                    ws.value(1, i, (String) row[i]);
                }
            }
            Object[] formula = {"E2", "BNPL", "", "", "081234567891", "ID", "IDR", 100, 0, "2026-10-01", 3};
            for (int i = 0; i < formula.length; i++) {
                if (i == 2) {
                    ws.formula(2, i, "CONCATENATE(\"Siti\",\" Lestari\")");
                } else if (formula[i] instanceof Number n) {
                    ws.value(2, i, n);
                } else {
                    ws.value(2, i, (String) formula[i]);
                }
            }
        }
        JsonNode job = importFile("placement.xlsx", out.toByteArray());
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("imported").asLong()).isEqualTo(2);
        assertThat(account("E1").get("balance").get("amount").asString()).isEqualTo("1500000.00");
        assertThat(account("E2").get("debtorName").asString()).startsWith("=CONCATENATE(");
    }

    @Test
    void refusesAFileThatIsNeitherCsvNorXlsx() {
        JsonNode job = importFile("photo.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 1, 2, 3});
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").asString()).contains("neither CSV nor XLSX");
        JsonNode zip = importFile("archive.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        assertThat(zip.get("error").asString()).contains("not a readable .xlsx workbook");
    }

    @Test
    void aProfileMapsACreditorsOwnColumnsDatesUnitsAndValues() {
        Api.Response saved = api.send("PUT", "/api/v1/import-profiles/bank-a", admin, """
                {"creditor":"BANK-A","columns":{"合同号":"creditor_ref","客户姓名":"debtor_name","产品":"product",
                 "本金(分)":"principal","到期日":"due_date"},
                 "dateFormats":["yyyy/MM/dd"],"amountsIn":"MINOR",
                 "values":{"product":{"信用卡":"CREDIT_CARD"}},"defaults":{"country":"CN","currency":"CNY"}}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode job = importFile("bank-a.csv", "合同号,客户姓名,产品,本金(分),到期日\nF1,赵丽,信用卡,123456,2026/09/30\n"
                .getBytes(StandardCharsets.UTF_8), "profile", "bank-a");
        assertThat(job.get("imported").asLong()).as(job.toString()).isEqualTo(1);
        JsonNode f1 = account("F1");
        assertThat(f1.get("balance").get("amount").asString()).isEqualTo("1234.56");
        assertThat(f1.get("product").asString()).isEqualTo("CREDIT_CARD");
        assertThat(api.upload("/api/v1/imports/placements", admin, "x.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8),
                "profile", "no-such-profile").json().get("detail").asString()).contains("There is no import profile 'no-such-profile'");
        assertThat(api.send("PUT", "/api/v1/import-profiles/bad", admin, "{\"columns\":{\"x\":\"nonsense\"}}").json()
                .get("detail").asString()).contains("'nonsense' is not a canonical column");
    }

    @Test
    void guarantorsBecomePartiesOfTheirAccountsAndDebtorsInTheirOwnRight() {
        String header = "creditor_ref,debtor_name,national_id,country,currency,principal,due_date,"
                + "guarantor_name,guarantor_national_id,guarantor_phone\n";
        JsonNode job = importFile("guarantors.csv", (header
                + "G1,某某商贸有限公司,,CN,CNY,50000,2026-10-01,林芳,110101198001011111,13900139000\n"
                + "G2,某某科技有限公司,,CN,CNY,80000,2026-10-01,林芳,110101198001011111,13900139000\n"
                + "G3,王伟,110101199003071234,CN,CNY,100,2026-10-01,,,\n"
                + "G4,李娜,,CN,CNY,100,2026-10-01,王伟,110101199003071234,\n"
                + "G5,赵丽,,CN,CNY,100,2026-10-01,,,13900139001\n").getBytes(StandardCharsets.UTF_8));
        assertThat(job.get("imported").asLong()).as(job.toString()).isEqualTo(4);
        assertThat(rejections(job).getFirst().get("reason").asString())
                .contains("is required when a guarantor's id or phone is given");
        JsonNode g1 = api.get("/api/v1/accounts/" + account("G1").get("id").asString(), admin).json();
        JsonNode g2 = api.get("/api/v1/accounts/" + account("G2").get("id").asString(), admin).json();
        assertThat(g1.get("parties").get(0).get("role").asString()).isEqualTo("GUARANTOR");
        assertThat(g1.get("parties").get(0).get("name").asString()).isEqualTo("林芳");
        assertThat(g1.get("parties").get(0).get("nationalId").asString()).isEqualTo("110***************");
        // one guarantor for both companies, and the guarantor of G4 is the debtor of G3
        assertThat(g1.get("parties").get(0).get("debtorId").asString())
                .isEqualTo(g2.get("parties").get(0).get("debtorId").asString());
        JsonNode g4 = api.get("/api/v1/accounts/" + account("G4").get("id").asString(), admin).json();
        String wangWei = api.get("/api/v1/accounts/" + account("G3").get("id").asString(), admin).json()
                .get("debtor").get("id").asString();
        assertThat(g4.get("parties").get(0).get("debtorId").asString()).isEqualTo(wangWei);
    }

    @Test
    void onlyAdministratorsAndSupervisorsImport() {
        String collector = api.token(tenants.create("imp2").slug(), "collector", TestTenants.PASSWORD);
        assertThat(api.upload("/api/v1/imports/placements", collector, "x.csv", new byte[] {1}).status()).isEqualTo(403);
    }

    @Test
    void aRejectedOverlongRowIsKeptAsABoundedPrefixAndAFileOverTheLimitIsRefusedSayingWhy() {
        String huge = "A1,CREDIT_CARD," + "王".repeat(300_000) + ",,13800138000,CN,CNY,1000.00,0,2026-10-01,30\n";
        JsonNode job = importFile("long.csv", (HEADER + huge).getBytes(StandardCharsets.UTF_8));
        assertThat(job.get("rejected").asLong()).isEqualTo(1);
        JsonNode rejection = rejections(job).getFirst();
        assertThat(rejection.get("reason").asString()).contains("longer than 4000 characters");
        assertThat(rejection.get("raw").asString().length()).isLessThan(2_100);
        assertThat(rejection.get("raw").asString()).contains("[cut: the row is ");
        // the upload limit (16 MB in the tests) refuses a larger file before anything is stored
        byte[] big = new byte[17 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        Api.Response refused = api.upload("/api/v1/imports/placements", admin, "big.csv", big);
        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.json().get("detail").asString()).contains("16 MB").contains("candor.imports.max-file-size");
    }

    @Test
    void valuesBeyondTheirBoundsAreRefusedWithTheBoundNamed() {
        String csv = HEADER
                + "B1,CREDIT_CARD,王伟,,13800138000,CN,CNY,1000.00,0,0001-01-01,\n"
                + "B2,CREDIT_CARD,王伟,,13800138001,CN,CNY,1000.00,0,9999-12-31,\n"
                + "B3,CREDIT_CARD,王伟,,13800138002,CN,CNY,0,0,2026-10-01,30\n"
                + "B4,CREDIT_CARD,王伟,,13800138003,CN,CNY,1e5,0,2026-10-01,30\n"
                + "B5,CREDIT_CARD,王伟,,13800138004,CN,CNY,\"1,000.00\",0,2026-10-01,30\n"
                + "B6,CREDIT_CARD,王伟,,13800138005,CN,CNY,99999999999999999,0,2026-10-01,30\n"
                + "B7,CREDIT_CARD,王伟,,13800138006,CN,CNY,100.00,0,2026-02-30,30\n"
                + "B8,CREDIT_CARD,王伟,,13800138007,CN,CNY,100.00,0,2026-10-01,999999\n"
                + "B9,CREDIT_CARD,王伟,,13800138008,CN,CNY,100.00,0,2026-10-01,30\n";
        JsonNode job = importFile("bounds.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(job.get("imported").asLong()).as("only B9 is sane").isEqualTo(1);
        Map<Long, String> byLine = rejections(job).stream().collect(Collectors.groupingBy(r -> r.get("line").asLong(),
                Collectors.mapping(r -> r.path("column").asString() + ": " + r.get("reason").asString(), Collectors.joining("; "))));
        assertThat(byLine.get(2L)).contains("due_date: '0001-01-01' is out of range");
        assertThat(byLine.get(3L)).contains("due_date: '9999-12-31' is out of range");
        assertThat(byLine.get(4L)).contains("principal: must be greater than 0");
        assertThat(byLine.get(5L)).contains("written with an exponent").contains("100000");
        assertThat(byLine.get(6L)).contains("thousands separator").contains("1000.00");
        assertThat(byLine.get(7L)).contains("larger than the largest amount").doesNotContain("decimals");
        assertThat(byLine.get(8L)).contains("not a day of the calendar").doesNotContain("format");
        assertThat(byLine.get(9L)).contains("dpd: 999999 is more than");
    }

    @Test
    void anInvalidUtf8ByteIsNamedByItsLine() {
        byte[] head = (HEADER + "C1,CREDIT_CARD,王伟,,13800138000,CN,CNY,1000.00,0,2026-10-01,30\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = "C2,CREDIT_CARD,李\u0000娜,,13800138001,CN,CNY,1000.00,0,2026-10-01,30\n".getBytes(StandardCharsets.UTF_8);
        bad[18] = (byte) 0xFF;
        byte[] file = Arrays.copyOf(head, head.length + bad.length);
        System.arraycopy(bad, 0, file, head.length, bad.length);
        Api.Response r = api.upload("/api/v1/imports/placements", admin, "bad-byte.csv", file);
        JsonNode job = api.awaitImport(r.json().get("id").asString(), admin);
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").asString()).contains("Line 3").contains("not valid UTF-8").contains("0xFF");
    }

    @Test
    void theSameNewFileUploadedTwiceAtOnceIsImportedOnceAndDifferentFilesGetTheirOwnPortfolio() throws Exception {
        String csv = HEADER + "D1,CREDIT_CARD,王伟,,13800138000,CN,CNY,1000.00,0,2026-10-01,30\n";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Api.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sent.add(pool.submit(() -> api.upload("/api/v1/imports/placements", admin, "twice.csv",
                    csv.getBytes(StandardCharsets.UTF_8), "creditor", "TWICE")));
        }
        List<JsonNode> jobs = new ArrayList<>();
        for (var f : sent) {
            jobs.add(api.awaitImport(f.get().json().get("id").asString(), admin));
        }
        pool.shutdown();
        // one imports it; the other waits for it, then says it changed nothing — no database error
        assertThat(jobs.stream().map(j -> j.get("status").asString()).toList()).containsExactlyInAnyOrder("SUCCEEDED",
                "FAILED");
        assertThat(jobs.stream().filter(j -> j.get("status").asString().equals("FAILED")).findFirst().orElseThrow()
                .get("error").asString()).contains("The same file was imported by job").doesNotContain("duplicate key");
        assertThat(jobs.stream().mapToLong(j -> j.get("imported").asLong()).sum()).isEqualTo(1);
        assertThat(api.get("/api/v1/accounts?limit=500", admin).json().get("items").valueStream()
                .filter(a -> a.get("creditorRef").asString().equals("D1")).count()).isEqualTo(1);
        JsonNode a = importFile("a.csv", (HEADER + "E1,CREDIT_CARD,王伟,,13800138000,CN,CNY,1.00,0,2026-10-01,30\n")
                .getBytes(StandardCharsets.UTF_8));
        JsonNode b = importFile("b.csv", (HEADER + "E2,CREDIT_CARD,王伟,,13800138000,CN,CNY,1.00,0,2026-10-01,30\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(a.get("portfolio").asString()).isNotEqualTo(b.get("portfolio").asString());
    }

    private JsonNode account(String ref) {
        return api.get("/api/v1/accounts?limit=500", admin).json().get("items").valueStream()
                .filter(a -> a.get("creditorRef").asString().equals(ref)).findFirst().orElseThrow();
    }
}
