package io.candor.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The bounds Candor holds money and dates to, wherever they come in (a placement file, a payment, the business date);
 * docs/placement-format.md lists them. Beyond them a value is refused with the bound named.
 */
public final class Bounds {

    /** The largest amount, in major units, a balance component or a payment may be. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    /** How far before the business date a due date or a payment may lie. */
    public static final int PAST_YEARS = 30;
    /** How far after the business date a due date may lie. */
    public static final int FUTURE_YEARS = 1;
    /** The largest days past due a file may state (30 years). */
    public static final int MAX_DPD = 10_958;
    /** The earliest date of birth accepted. */
    public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    /** How far from today's calendar date the business date may be moved (simulation included). */
    public static final int BUSINESS_DATE_DAYS = 3_660;

    private Bounds() {
    }
}
