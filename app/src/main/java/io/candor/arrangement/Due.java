package io.candor.arrangement;

import java.time.LocalDate;

/** One amount due on a date, in the account currency's minor units. */
public record Due(LocalDate on, long amountMinor) {

    public Due {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("an amount due is more than zero");
        }
    }
}
