package io.candor.portfolio;

import java.util.UUID;

/** What a {@link ContactPointRef} came to on one account: one of its own contact points, or nothing. */
public sealed interface ContactPointResolution {

    /**
     * One of the account's contact points: the debtor's own ({@code holderRole} DEBTOR) or a guarantor's or
     * co-borrower's (GUARANTOR, CO_BORROWER), with its stored, normalised value.
     */
    record Resolved(UUID id, ContactPointKind kind, String value, UUID holder, String holderRole, boolean valid)
            implements ContactPointResolution {

        public boolean heldByDebtor() {
            return holderRole.equals("DEBTOR");
        }
    }

    /** Why nothing was resolved. */
    enum Failure {
        /** No contact point was named. */
        MISSING,
        /** What was named is none of the account's contact points, by id or by any spelling of one. */
        NOT_ON_ACCOUNT
    }

    /** Nothing: the contact goes nowhere Candor knows for this account, so it is refused. */
    record Unresolved(Failure failure) implements ContactPointResolution {
    }
}
