package io.candor.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of a tenant's users. What each may do is listed in docs/security.md; the API enforces it
 * per endpoint.
 */
public enum Role {
    /** Manages the tenant: users, settings, and everything the other roles do except unmasked reads. */
    ADMIN,
    /** Leads a team: queues, re-assignment, approvals, dashboards. */
    SUPERVISOR,
    /** Works accounts: queue, account view (masked), contacts, promises. */
    COLLECTOR,
    /** Owns rule packs, holds and complaints; may read unmasked identifiers with a purpose. */
    COMPLIANCE_OFFICER,
    /** A collection agency's staff working the accounts placed with the agency. */
    AGENCY_USER,
    /** Reads the audit trail and the evidence log; changes nothing. */
    AUDITOR,
    /** Runs the platform (only in the reserved organisation {@code platform}): tenants, limits, suspension. */
    OPERATOR;

    /** The roles an organisation's users may have: all but the platform's own. */
    public static Set<Role> tenantRoles() {
        return EnumSet.complementOf(EnumSet.of(OPERATOR));
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
