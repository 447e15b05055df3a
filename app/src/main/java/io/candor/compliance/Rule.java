package io.candor.compliance;

/** One rule of a pack, with its id (e.g. {@code CN-QUIET-HOURS}), source and confidence. */
public sealed interface Rule permits QuietHours, FrequencyCap, QuietAfterConversation, HoldStop, ThirdPartyContact,
        ConsentRequired, Qualification {

    String id();

    Source source();

    Verdict check(Scenario s);

    /** The rule's value in plain words, for docs/compliance.md and the packs view. */
    String describe();

    /** Where a rule comes from, and how sure we are ([V] verified, [S] secondary, [M] to confirm, [C] conflicting). */
    record Source(String citation, String confidence) {
    }
}
