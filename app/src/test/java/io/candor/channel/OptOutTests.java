package io.candor.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import io.candor.compliance.Channel;
import io.candor.compliance.ContentLinter;
import org.junit.jupiter.api.Test;

/** Every language the linter knows has its opt-out lines, and every SMS line names a word that stops SMS. */
class OptOutTests {

    @Test
    void everyLanguageHasItsLinesAndTheirStopWordsWork() {
        for (String locale : ContentLinter.LOCALES) {
            String sms = OptOut.footer(Channel.SMS, locale);
            assertThat(sms).as(locale).isNotBlank();
            assertThat(SmsInbound.STOP_WORDS.stream().anyMatch(w -> sms.toUpperCase(Locale.ROOT).contains(w)
                    && !w.equals("T"))).as(locale + ": " + sms).isTrue();
            assertThat(OptOut.footer(Channel.EMAIL, locale)).as(locale).isNotBlank();
            assertThat(OptOut.subject("Bank", locale)).as(locale).endsWith(" — Bank");
            if (!locale.equals("en")) {
                assertThat(OptOut.footer(Channel.EMAIL, locale)).as(locale + " is not the English fallback")
                        .isNotEqualTo(OptOut.footer(Channel.EMAIL, "en"));
            }
        }
        assertThat(OptOut.footer(Channel.LETTER, "zh-CN")).isEmpty();
        assertThat(OptOut.footer(Channel.SMS, "zh-HK")).isEqualTo(OptOut.footer(Channel.SMS, "zh-TW"));
        assertThat(OptOut.footer(Channel.SMS, "fr")).isEqualTo(OptOut.footer(Channel.SMS, "en"));
    }
}
