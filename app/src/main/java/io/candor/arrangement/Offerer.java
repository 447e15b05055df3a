package io.candor.arrangement;

import java.util.Collection;

import io.candor.identity.Role;

/**
 * Who offers or approves an arrangement, in rising authority. A tenant's administrator acts for the creditor; an
 * agency's user has a collector's authority.
 */
public enum Offerer {
    DEBTOR, AGENT, COLLECTOR, SUPERVISOR, CREDITOR;

    /** The highest authority among a user's roles; a user with none of the collecting roles is refused. */
    public static Offerer of(Collection<Role> roles) {
        if (roles.contains(Role.ADMIN)) {
            return CREDITOR;
        }
        if (roles.contains(Role.SUPERVISOR)) {
            return SUPERVISOR;
        }
        if (roles.contains(Role.COLLECTOR) || roles.contains(Role.AGENCY_USER)) {
            return COLLECTOR;
        }
        throw new IllegalArgumentException("Only collectors, agency users, supervisors and administrators offer or "
                + "approve arrangements.");
    }

    public boolean atLeast(Offerer other) {
        return compareTo(other) >= 0;
    }
}
