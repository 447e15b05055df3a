package io.candor.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.candor.support.Api;
import io.candor.support.CandorIntegrationTest;
import io.candor.support.TestTenants;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A legal notice letter rendered to PDF in Chinese and handed to the print vendor's pick-up directory. */
@CandorIntegrationTest
class LetterChannelTests {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Test
    void aLetterIsRenderedToPdfAndHandedOverWhole(@TempDir Path outbox) throws Exception {
        Api api = new Api(port);
        TestTenants.TestTenant tenant = tenants.create("letter");
        String admin = api.token(tenant.slug(), "admin", TestTenants.PASSWORD);
        Api.Response t = api.put("/api/v1/templates/legal-notice-letter", admin, """
                {"channel": "LETTER", "locale": "zh-CN", "jurisdiction": "CN", "body":
                 "{{debtor_name}}：截至本函日期，您在{{creditor}}的欠款为{{balance}}。如对欠款有异议，可通过投诉渠道提出，联系电话{{contact_phone}}。若仍未还款或协商，债权人可能依法通过诉讼途径主张权利。"}""");
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        assertThat(api.put("/api/v1/channels/LETTER", admin, """
                {"settings": {"outbox": "%s", "contactPhone": "400-800-1234"}}""".formatted(outbox)).status())
                .isEqualTo(200);
        UUID account = tenant.accounts().get(2);
        Api.Response sent = api.post("/api/v1/accounts/" + account + "/messages", admin,
                "{\"template\": \"legal-notice-letter\"}", "Idempotency-Key", "l-1");
        assertThat(sent.json().get("status").asString()).as(sent.body()).isEqualTo("SENT");
        String id = sent.json().get("id").asString();
        assertThat(sent.json().get("providerId").asString()).isEqualTo(id + ".pdf");
        try (var files = Files.list(outbox)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("nothing half written is left")
                    .containsExactlyInAnyOrder(id + ".pdf", id + ".json");
        }
        try (PDDocument pdf = Loader.loadPDF(outbox.resolve(id + ".pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("测试债务人2").contains("北京市东城区2号").contains("1012.34 CNY")
                    .contains("诉讼途径主张权利").contains("还款提醒");
        }
        assertThat(Files.readString(outbox.resolve(id + ".json"))).contains("\"pages\":1");
    }
}
