package io.candor.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.candor.compliance.Channel;
import io.candor.strategy.planning.CollectorTeams;
import io.candor.strategy.planning.PlanRuns;
import io.candor.strategy.planning.StrategyVersions;
import io.candor.template.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo tenants' strategy: the shipped templates and default strategy, one team of all collectors, and the plan
 * for the business date — so the queues and the run summary have something to show on first start.
 */
@Component
public class DemoStrategy {

    private static final Logger log = LoggerFactory.getLogger(DemoStrategy.class);

    private final Templates templates;
    private final StrategyVersions versions;
    private final CollectorTeams teams;
    private final PlanRuns runs;

    DemoStrategy(Templates templates, StrategyVersions versions, CollectorTeams teams, PlanRuns runs) {
        this.templates = templates;
        this.versions = versions;
        this.teams = teams;
        this.runs = runs;
    }

    /** In the tenant's context: seeds what is missing, then plans the business date (a no-op when planned). */
    void seed(String slug) {
        install();
        PlanRuns.Run run = runs.run(null, "demo");
        log.info("Demo tenant {}: plan for {} {}", slug, run.businessDate(), run.summary() == null ? ""
                : run.summary().entrySet().stream().filter(e -> !e.getKey().equals("channels"))
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
    }

    /** In the tenant's context: the shipped templates, the default strategy and a team of all collectors. */
    public void install() {
        Set<String> known = templates.latest().stream().map(t -> t.code() + "|" + t.locale())
                .collect(Collectors.toSet());
        for (JsonNode t : JsonMapper.builder().build().readTree(resource("/strategy/default-templates.json"))) {
            String code = t.get("code").asString();
            if (!known.contains(code + "|" + t.get("locale").asString())) {
                templates.approve(code, new Templates.Draft(Channel.valueOf(t.get("channel").asString()),
                        t.get("locale").asString(), t.get("jurisdiction").asString(), null, t.get("body").asString()),
                        "demo");
            }
        }
        if (versions.all().isEmpty()) {
            versions.publish(resource("/strategy/default.yaml"), "demo");
        }
        if (teams.teams().isEmpty()) {
            teams.putTeam("collectors", new CollectorTeams.Team("collectors", "All collectors 全体催收员", List.of(), List.of(),
                    List.of(), 1, List.of("collector")), "demo");
        }
    }

    private static String resource(String name) {
        try (InputStream in = DemoStrategy.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
