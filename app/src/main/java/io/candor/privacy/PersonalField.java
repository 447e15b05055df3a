package io.candor.privacy;

import java.util.EnumSet;
import java.util.Set;

import io.candor.identity.Role;

/**
 * The personal data fields Candor shows, and which roles see each one unmasked; everyone else sees the
 * masked form. Every read is audited either way (docs/security.md has the table).
 */
public enum PersonalField {
    PHONE(EnumSet.of(Role.ADMIN, Role.COMPLIANCE_OFFICER)),
    EMAIL(EnumSet.of(Role.ADMIN, Role.COMPLIANCE_OFFICER)),
    NATIONAL_ID(EnumSet.of(Role.COMPLIANCE_OFFICER)),
    /** The date of birth: with the ID's last four, what a debtor proves who they are with, so no screen shows it. */
    BIRTH_DATE(EnumSet.of(Role.COMPLIANCE_OFFICER)),
    BANK_ACCOUNT(EnumSet.of(Role.COMPLIANCE_OFFICER));

    private final Set<Role> unmaskedFor;

    PersonalField(Set<Role> unmaskedFor) {
        this.unmaskedFor = unmaskedFor;
    }

    public boolean unmaskedFor(Set<Role> roles) {
        return roles.stream().anyMatch(unmaskedFor::contains);
    }
}
