package io.candor.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentLinterTests {

    static final ContentLinter LINTER = ContentLinter.shipped();

    List<ContentLinter.Finding> lint(String jurisdiction, Channel channel, String locale, String text) {
        return LINTER.lint(new ContentLinter.Template(jurisdiction, channel, locale, text));
    }

    @Test
    void aBritishFinalResponseNeedsTheOmbudsmanWordingAndAChineseOneTheDecisionAndRoutes() {
        String bare = "Dear {{debtor_name}}, we have looked into your complaint and uphold it. {{creditor}}";
        assertThat(LINTER.lint(new ContentLinter.Template("GB", Channel.LETTER, "en", bare, "COMPLAINT_FINAL_RESPONSE")))
                .extracting(ContentLinter.Finding::rule)
                .containsExactlyInAnyOrder("GB-CMP-FOS", "GB-CMP-SIX-MONTHS", "GB-CMP-FOS-WEBSITE");
        String fos = bare + " You may refer your complaint to the Financial Ombudsman Service within six months of "
                + "this final response; see www.financial-ombudsman.org.uk.";
        assertThat(LINTER.lint(new ContentLinter.Template("GB", Channel.LETTER, "en", fos, "COMPLAINT_FINAL_RESPONSE")))
                .isEmpty();
        assertThat(LINTER.lint(new ContentLinter.Template("GB", Channel.LETTER, "en", bare))).as("a collection letter")
                .isEmpty();
        String cn = "{{debtor_name}}：您的投诉已处理完毕。联系电话{{contact_phone}}。";
        assertThat(LINTER.lint(new ContentLinter.Template("CN", Channel.LETTER, "zh-CN", cn, "COMPLAINT_FINAL_RESPONSE")))
                .as("not a demand: no balance needed, but the decision and the routes are")
                .extracting(ContentLinter.Finding::rule).containsExactlyInAnyOrder("CN-CMP-DECISION",
                        "CN-CMP-FURTHER-ROUTES");
        assertThat(LINTER.lint(new ContentLinter.Template("CN", Channel.LETTER, "zh-CN", cn)))
                .extracting(ContentLinter.Finding::rule).as("a collection letter still needs the balance")
                .contains("CN-LETTER-BALANCE");
    }

    @Test
    void flagsAThreatWithItsSpan() {
        String text = "Pay today or you will be arrested by the police.";
        List<ContentLinter.Finding> f = lint("GB", Channel.VOICE_HUMAN, "en", text);
        assertThat(f).extracting(ContentLinter.Finding::rule).containsExactly("BANNED-THREAT", "BANNED-IMPERSONATION");
        assertThat(text.substring(f.getFirst().start(), f.getFirst().end())).isEqualTo("arrested");
    }

    @Test
    void matchesWholeWordsInLatinScripts() {
        assertThat(lint("GB", Channel.VOICE_HUMAN, "en", "Our policies allow a payment plan.")).isEmpty();
    }

    @Test
    void flagsImpersonatingThePoliceInChinese() {
        List<ContentLinter.Finding> f = lint("CN", Channel.SMS, "zh-CN", "您好，这里是公安局，请立即还款，否则曝光你。");
        assertThat(f).extracting(ContentLinter.Finding::kind).containsExactly("IMPERSONATION", "SHAMING");
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "TW|zh-TW|我們會通知你的家人|THIRD_PARTY_DISCLOSURE",
            "ID|id|Kami akan hubungi keluarga Anda|THIRD_PARTY_DISCLOSURE",
            "BR|pt-BR|Você será preso se não pagar|THREAT",
            "MX|es|Le habla la policía|IMPERSONATION",
            "VN|vi|Đây là công an, hãy thanh toán|IMPERSONATION",
            "TH|th|คุณจะติดคุกถ้าไม่จ่าย|THREAT"})
    void flagsBannedLanguageInEveryLocale(String jurisdiction, String locale, String text, String kind) {
        assertThat(lint(jurisdiction, Channel.VOICE_HUMAN, locale, text)).extracting(ContentLinter.Finding::kind)
                .contains(kind);
    }

    @Test
    void aUsTextNeedsTheDebtCollectorNoticeAndAnOptOut() {
        assertThat(lint("US", Channel.SMS, "en", "Hi {{debtor_name}}, please call us about your account."))
                .extracting(ContentLinter.Finding::rule).containsExactly("US-MINI-MIRANDA", "US-OPT-OUT");
        assertThat(lint("US", Channel.SMS, "en", "This is an attempt to collect a debt. Call us. Reply STOP to opt out."))
                .isEmpty();
        assertThat(lint("US", Channel.SMS, "zh-CN", "请还款")).extracting(ContentLinter.Finding::rule)
                .as("no known wording in this language: cannot be verified, so not approvable")
                .containsExactly("US-MINI-MIRANDA", "US-OPT-OUT");
    }

    @Test
    void aChineseCollectionLetterNeedsItsFields() {
        String letter = "{{debtor_name}}您好：您尚欠{{balance}}元。如有异议请致电客服电话{{contact_phone}}。";
        assertThat(lint("CN", Channel.LETTER, "zh-CN", letter)).isEmpty();
        assertThat(lint("CN", Channel.LETTER, "zh-CN", "{{debtor_name}}您好：您尚欠{{balance}}元。"))
                .extracting(ContentLinter.Finding::rule).containsExactly("CN-LETTER-CONTACT", "CN-LETTER-OBJECTION-CHANNEL");
    }

    @Test
    void aBrazilianMessageIdentifiesTheCreditor() {
        assertThat(lint("BR-SP", Channel.EMAIL, "pt-BR", "Olá, regularize sua dívida.")).extracting(ContentLinter.Finding::rule)
                .containsExactly("BR-CREDITOR-ID");
        assertThat(lint("BR-SP", Channel.EMAIL, "pt-BR", "{{creditor_name}}, CNPJ {{creditor_document}}: regularize sua dívida."))
                .isEmpty();
    }

    @Test
    void anEuTransferNoticeMustSayTheDebtWasTransferredToWhomAndWhereToAsk() {
        String partial = "Dear {{debtor_name}}, {{creditor_name}} now manages your loan.";
        assertThat(LINTER.lint(new ContentLinter.Template("EU", Channel.LETTER, "en", partial, "TRANSFER_NOTICE")))
                .extracting(ContentLinter.Finding::rule)
                .containsExactly("EU-TRANSFER-NOTICE-CONTACT", "EU-TRANSFER-NOTICE-TRANSFER");
        String complete = "Dear {{debtor_name}}, your credit agreement has been transferred to {{creditor_name}}. "
                + "Questions: {{contact_phone}}.";
        assertThat(LINTER.lint(new ContentLinter.Template("EU", Channel.LETTER, "en", complete, "TRANSFER_NOTICE")))
                .isEmpty();
        assertThat(lint("EU", Channel.LETTER, "en", partial)).as("an ordinary letter is no transfer notice").isEmpty();
        assertThat(LINTER.lint(new ContentLinter.Template("EU", Channel.EMAIL, "es",
                "Su préstamo ha sido cedido a {{creditor_name}}. Contacto: {{contact_email}}.", "TRANSFER_NOTICE")))
                .isEmpty();
    }

    @Test
    void aUsValidationNoticeNeedsItsItems() {
        String letter = "This is a communication from a debt collector. {{creditor_name}} is owed {{balance}}.";
        assertThat(LINTER.lint(new ContentLinter.Template("US", Channel.LETTER, "en", letter, "VALIDATION_NOTICE")))
                .extracting(ContentLinter.Finding::rule)
                .containsExactly("US-VALIDATION-DISPUTE", "US-VALIDATION-ITEMIZATION");
        assertThat(LINTER.lint(new ContentLinter.Template("US", Channel.LETTER, "en", letter
                + " As of {{itemization_date}} … Dispute by {{dispute_deadline}}.", "VALIDATION_NOTICE"))).isEmpty();
    }

    @Test
    void aFilledLetterKeepsItsRequiredFactsWhereThePlaceholdersWere() {
        String filled = "张三：您在某银行的欠款为1012.34 CNY。如对欠款有异议，可通过投诉渠道提出。";
        Map<String, String> values = Map.of("debtor_name", "张三", "balance", "1012.34 CNY");
        assertThat(LINTER.lint(new ContentLinter.Template("CN", Channel.LETTER, "zh-CN", filled, null), values))
                .extracting(ContentLinter.Finding::rule).doesNotContain("CN-LETTER-DEBTOR", "CN-LETTER-BALANCE");
        assertThat(LINTER.lint(new ContentLinter.Template("CN", Channel.LETTER, "zh-CN", filled.replace("1012.34 CNY", ""),
                null), values)).extracting(ContentLinter.Finding::rule).contains("CN-LETTER-BALANCE");
    }
}
