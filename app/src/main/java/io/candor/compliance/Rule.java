package io.candor.compliance;

/** One rule of a pack, with its id (e.g. {@code CN-QUIET-HOURS}), source and confidence. */
public sealed interface Rule permits QuietHours, FrequencyCap, QuietAfterConversation, HoldStop, ThirdPartyContact,
        ConsentRequired {

    String id();

    Source source();

    Verdict check(Scenario s);

    /** Where a rule comes from, and how sure we are ([V] verified, [S] secondary, [M] to confirm, [C] conflicting). */
    record Source(String citation, String confidence) {
    }
}
