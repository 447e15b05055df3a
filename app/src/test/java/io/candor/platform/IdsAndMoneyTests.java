package io.candor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;

import io.candor.platform.ids.Ids;
import io.candor.platform.money.Money;
import org.junit.jupiter.api.Test;

class IdsAndMoneyTests {

    @Test
    void idsAreVersion7AndGrowWithTime() throws InterruptedException {
        UUID a = Ids.newId();
        Thread.sleep(2);
        UUID b = Ids.newId();
        assertThat(a.version()).isEqualTo(7);
        assertThat(a.variant()).isEqualTo(2);
        assertThat(Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits())).isNegative();
    }

    @Test
    void moneyUsesEachCurrencysMinorUnits() {
        assertThat(Money.of(new BigDecimal("12.34"), Currency.getInstance("CNY")).minor()).isEqualTo(1234);
        assertThat(Money.of(new BigDecimal("1234"), Currency.getInstance("JPY")).minor()).isEqualTo(1234);
        assertThat(Money.of(new BigDecimal("1.234"), Currency.getInstance("KWD")).minor()).isEqualTo(1234);
        assertThat(Money.ofMinor(1234, "KWD").amount()).isEqualByComparingTo("1.234");
    }

    @Test
    void moneyRefusesHiddenRoundingAndMixedCurrencies() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.005"), Currency.getInstance("CNY")))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofMinor(1, "CNY").plus(Money.ofMinor(1, "USD")))
                .hasMessageContaining("cannot add USD to CNY");
    }
}
