package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The AI call's opening is rule data: chosen by jurisdiction and language, linted against the VOICE_AI rules. */
class CallOpeningsTests {

    final CallOpenings openings = CallOpenings.shipped();

    @Test
    void eachJurisdictionOpensWithTheDisclosureItRequires() {
        assertThat(openings.choose("US", "en", "Acme Bank").text()).startsWith("Hello. This is an automated call from "
                + "Acme Bank").contains("artificial voice").contains("recorded");
        assertThat(openings.choose("US", "es-MX", "Acme Bank")).isEqualTo(new CallOpenings.Chosen("Hola. Esta es una "
                + "llamada automatizada de Acme Bank, con una voz artificial, y se graba. Para continuar, oprima 1, o "
                + "cuelgue en cualquier momento.", "es"));
        assertThat(openings.choose("DE", "de", "Acme").text()).as("an EU member state: the AI Act's disclosure")
                .contains("artificial intelligence");
        assertThat(openings.choose("CN", "zh-CN", "招商银行").text()).as("no creditor before someone presses 1")
                .isEqualTo("您好，这是自动语音呼叫，通话将被录音。继续请按1。");
        assertThat(openings.choose("CN", "zh-HK", "x").language()).isEqualTo("zh-TW");
        assertThat(openings.choose("TH", "th", "x")).as("no entry of its own: the default, in Thai")
                .isEqualTo(new CallOpenings.Chosen("สวัสดี นี่คือสายอัตโนมัติ และมีการบันทึกเสียง หากต้องการดำเนินการต่อ กด 1 "
                        + "หรือวางสายได้ทุกเมื่อ", "th"));
        assertThat(openings.choose("VN", "vi", "x").language()).isEqualTo("vi");
        assertThat(openings.choose("ID", "in", "x").language()).as("Indonesian's old code").isEqualTo("id");
        assertThat(openings.choose("BR", "pt", "x").language()).isEqualTo("pt-BR");
        assertThat(openings.choose("KR", "ko", "x").language()).as("a language it does not speak: English")
                .isEqualTo("en");
    }

    @Test
    void anOpeningThatMissesARequiredDisclosureIsRefusedWithTheRule() {
        String broken = """
                {"US": {"countries": ["US"], "texts": {"en": "Hello from {{creditor_name}}. Press 1."}}}""";
        assertThatThrownBy(() -> CallOpenings.of(JsonMapper.builder().build().readTree(broken)))
                .hasMessageContaining("US/en: US-AI-ARTIFICIAL-VOICE");
        String banned = """
                {"CN": {"countries": ["CN"], "texts": {"zh-CN": "您好，这是自动语音呼叫，通话将被录音。否则曝光你。"}}}""";
        assertThatThrownBy(() -> CallOpenings.of(JsonMapper.builder().build().readTree(banned)))
                .hasMessageContaining("CN/zh-CN: BANNED");
    }
}
