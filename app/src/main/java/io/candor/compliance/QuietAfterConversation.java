package io.candor.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** No calls for {@code days} after a telephone conversation with the debtor (Reg F §1006.14(b)(2)(ii)). */
record QuietAfterConversation(String id, Source source, int days, Set<Channel> channels) implements Rule {

    @Override
    public Verdict check(Scenario s) {
        if (!channels.contains(s.channel())) {
            return Verdict.PASS;
        }
        Optional<Instant> last = s.history().stream().filter(Contact::effectiveCall).map(Contact::at)
                .filter(at -> !at.isAfter(s.at())).max(Instant::compareTo);
        if (last.isEmpty()) {
            return Verdict.PASS;
        }
        Instant until = last.get().plus(Duration.ofDays(days));
        return s.at().isBefore(until) ? Verdict.until(id, until) : Verdict.PASS;
    }

    @Override
    public String describe() {
        return "no contact for " + days + " days after a telephone conversation with the debtor; channels " + channels;
    }
}
