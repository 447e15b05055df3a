package io.candor.tenancy;

import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

/** A tenant of the platform. */
public record Tenant(UUID id, String slug, String name, Kind kind, Currency reportingCurrency, ZoneId timeZone) {

    /** What the tenant is in the collection business. */
    public enum Kind {
        /** A bank, consumer-finance company or online lender collecting its own debts. */
        LENDER,
        /** A collection agency working creditors' placements. */
        AGENCY,
        /** The platform itself: the reserved organisation {@code platform} where the operator signs in; no debtors. */
        PLATFORM
    }

    /** The reserved slug of the platform's own organisation. */
    public static final String PLATFORM_SLUG = "platform";
}
