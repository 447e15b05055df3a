package io.candor.complaint;

/** Who or what a complaint is about: the handler may never be them. */
public enum AboutKind {
    COLLECTOR, AI_AGENT, AGENCY, CREDITOR, UNKNOWN
}
