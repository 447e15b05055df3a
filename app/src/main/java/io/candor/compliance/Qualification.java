package io.candor.compliance;

import java.util.Set;

/**
 * Only a collector holding a current certificate may make these contacts (Indonesia: SP3 under POJK 35/2018;
 * India: the IIBF debt recovery agent certificate). The AI agent's channels are not covered by such rules.
 */
public record Qualification(String id, Source source, Set<Channel> channels, String qualification) implements Rule {

    @Override
    public Verdict check(Scenario s) {
        return channels.contains(s.channel()) && !s.qualifications().contains(qualification) ? Verdict.never(id)
                : Verdict.PASS;
    }

    @Override
    public String describe() {
        return channels + " only by a collector with a current " + qualification + " certificate";
    }
}
