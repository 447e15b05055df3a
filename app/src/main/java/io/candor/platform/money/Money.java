package io.candor.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact amount of one currency, held in its minor units (fen, cents; none for JPY, three for KWD).
 * In JSON: {@code {"amount":"1234.50","currency":"CNY"}} — the amount as a decimal string, never a float.
 */
public record Money(long minor, Currency currency) {

    public static Money ofMinor(long minor, String currency) {
        return new Money(minor, Currency.getInstance(currency));
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(scale(currency), RoundingMode.UNNECESSARY).unscaledValue()
                .longValueExact(), currency);
    }

    public BigDecimal amount() {
        return BigDecimal.valueOf(minor, scale(currency));
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    private static int scale(Currency c) {
        return Math.max(0, c.getDefaultFractionDigits());
    }

    @Override
    public String toString() {
        return amount().toPlainString() + " " + currency.getCurrencyCode();
    }
}
