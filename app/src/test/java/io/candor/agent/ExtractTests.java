package io.candor.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Amounts, dates and identity facts as debtors write them. */
class ExtractTests {

    static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);

    @Test
    void amounts() {
        assertThat(Extract.amount("下周五之前我还五百块")).contains(new BigDecimal("500"));
        assertThat(Extract.amount("我先还两千")).contains(new BigDecimal("2000"));
        assertThat(Extract.amount("明天还3000元")).contains(new BigDecimal("3000"));
        assertThat(Extract.amount("I'll pay 250 on Friday")).contains(new BigDecimal("250"));
        assertThat(Extract.amount("15号还")).isEmpty();
    }

    @Test
    void dates() {
        assertThat(Extract.date("明天还", WEDNESDAY)).contains(LocalDate.of(2026, 12, 3));
        assertThat(Extract.date("下周五之前", WEDNESDAY)).contains(LocalDate.of(2026, 12, 11));
        assertThat(Extract.date("周五还", WEDNESDAY)).contains(LocalDate.of(2026, 12, 4));
        assertThat(Extract.date("15号发工资就还", WEDNESDAY)).contains(LocalDate.of(2026, 12, 15));
        assertThat(Extract.date("1号", WEDNESDAY)).contains(LocalDate.of(2027, 1, 1));
        assertThat(Extract.date("I'll pay on Friday", WEDNESDAY)).contains(LocalDate.of(2026, 12, 4));
        assertThat(Extract.date("within 10 days", WEDNESDAY)).contains(LocalDate.of(2026, 12, 12));
        assertThat(Extract.date("soon", WEDNESDAY)).isEmpty();
    }

    @Test
    void identity() {
        assertThat(Extract.birthDate("我的出生日期是1990年3月7日")).contains(LocalDate.of(1990, 3, 7));
        assertThat(Extract.birthDate("born 7 March 1990")).contains(LocalDate.of(1990, 3, 7));
        assertThat(Extract.birthDate("1990-03-07")).contains(LocalDate.of(1990, 3, 7));
        assertThat(Extract.last4("身份证后四位是100x")).contains("100X");
        assertThat(Extract.last4("the last four are 4821")).contains("4821");
        assertThat(Extract.last4("是我")).isEmpty();
    }

    @Test
    void theAgentSpeaksTraditionalChineseToMacaoAsThePortalDoes() {
        assertThat(Phrases.locale("zh-MO")).isEqualTo("zh-TW");
        assertThat(Phrases.locale("zh-HK")).isEqualTo("zh-TW");
        assertThat(Phrases.locale("zh-CN")).isEqualTo("zh-CN");
        assertThat(Phrases.locale("id")).as("the portal's languages are the agent's too").isEqualTo("id");
        assertThat(Phrases.locale("in")).isEqualTo("id");
        assertThat(Phrases.locale("pt")).isEqualTo("pt-BR");
        assertThat(Phrases.locale("ko")).as("one it does not speak").isEqualTo("en");
    }
}
