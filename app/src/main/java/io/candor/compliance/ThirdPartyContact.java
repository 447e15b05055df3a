package io.candor.compliance;

import org.jspecify.annotations.Nullable;

/**
 * Third parties (anyone not liable for the debt) may not be contacted, unless the waiving consent or purpose is
 * recorded (e.g. {@code DEBTOR_UNREACHABLE} in China, {@code LOCATION_INFORMATION} in the US).
 */
record ThirdPartyContact(String id, Source source, @Nullable String waivedBy) implements Rule {

    @Override
    public Verdict check(Scenario s) {
        return s.party() == Party.THIRD_PARTY && !s.consents(waivedBy) ? Verdict.never(id) : Verdict.PASS;
    }

    @Override
    public String describe() {
        return "no contact with third parties" + (waivedBy == null ? ", no exception" : " unless " + waivedBy + " is recorded");
    }
}
