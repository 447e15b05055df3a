package io.candor.strategy.planning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import io.candor.identity.Role;
import io.candor.identity.UserView;
import io.candor.identity.Users;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an organisation starts: Candor's default three-tier strategy ({@code strategy/default.yaml}) published once
 * its templates are approved, and — when the organisation has no team yet — a team of all its collectors. Nothing
 * is changed when a strategy or a team exists.
 */
@Service
public class StarterStrategy {

    /** The code of the team of every collector. */
    public static final String TEAM = "collectors";

    private final StrategyVersions versions;
    private final CollectorTeams teams;
    private final Users users;

    StarterStrategy(StrategyVersions versions, CollectorTeams teams, Users users) {
        this.versions = versions;
        this.teams = teams;
        this.users = users;
    }

    /**
     * Publishes the default strategy if the organisation has none (its problems — an unapproved template — refuse it
     * with each named) and makes the team of collectors if it has no team.
     */
    @Transactional
    public void install(String by) {
        if (versions.all().isEmpty()) {
            versions.publish(text(), by);
        }
        if (teams.teams().isEmpty()) {
            List<String> collectors = users.enabledWith(EnumSet.of(Role.COLLECTOR)).stream().map(UserView::username)
                    .sorted().toList();
            teams.putTeam(TEAM, new CollectorTeams.Team(TEAM, "All collectors 全体催收员", List.of(), List.of(), List.of(),
                    1, collectors), by);
        }
    }

    /** The default strategy file. */
    static String text() {
        try (InputStream in = StarterStrategy.class.getResourceAsStream("/strategy/default.yaml")) {
            if (in == null) {
                throw new IllegalStateException("strategy/default.yaml is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
