package io.candor.complaint;

/** How a complaint reached Candor. */
public enum Intake {
    /** The debtor, in the portal. */
    PORTAL,
    /** The AI agent heard a complaint in a conversation. */
    AI_AGENT,
    /** A collector's disposition of a contact. */
    COLLECTOR,
    /** An e-mail the debtor wrote. */
    EMAIL,
    /** A regulator or ombudsman passed it on (China's 12378 or the regulator's office, the FOS, the CFPB portal). */
    REFERRAL,
    /** Any other system, by the API. */
    API
}
