package io.candor.portfolio.placement;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The canonical placement columns (docs/placement-format.md). */
enum CanonicalColumn {
    CREDITOR_REF(true),
    PRODUCT(false),
    DEBTOR_NAME(true),
    DEBTOR_TYPE(false),
    NATIONAL_ID(false),
    BIRTH_DATE(false),
    PHONE(false),
    EMAIL(false),
    ADDRESS(false),
    REGION(false),
    COUNTRY(true),
    LANGUAGE(false),
    CURRENCY(true),
    PRINCIPAL(true),
    INTEREST(false),
    FEES(false),
    PENALTY(false),
    DUE_DATE(true),
    DPD(false),
    BANK_ACCOUNT(false),
    GUARANTOR_NAME(false),
    GUARANTOR_NATIONAL_ID(false),
    GUARANTOR_PHONE(false);

    private final boolean requiredInPlacement;

    CanonicalColumn(boolean requiredInPlacement) {
        this.requiredInPlacement = requiredInPlacement;
    }

    /** The header name in a canonical file: {@code creditor_ref}, {@code debtor_name} … */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean requiredIn(ImportJob.Kind kind) {
        return kind == ImportJob.Kind.RECALL ? this == CREDITOR_REF : requiredInPlacement;
    }

    public static Optional<CanonicalColumn> byHeader(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.header().equals(h)).findFirst();
    }
}
