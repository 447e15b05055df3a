package io.candor.demo;

import java.util.stream.Collectors;

import io.candor.strategy.planning.PlanRuns;
import io.candor.strategy.planning.StarterStrategy;
import io.candor.template.ShippedTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo tenants' strategy: the shipped templates and default strategy, one team of all collectors, and the plan
 * for the business date — so the queues and the run summary have something to show on first start.
 */
@Component
public class DemoStrategy {

    private static final Logger log = LoggerFactory.getLogger(DemoStrategy.class);

    private final ShippedTemplates shipped;
    private final StarterStrategy starter;
    private final PlanRuns runs;

    DemoStrategy(ShippedTemplates shipped, StarterStrategy starter, PlanRuns runs) {
        this.shipped = shipped;
        this.starter = starter;
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
        shipped.approveUnapproved("demo");
        starter.install("demo");
    }

}
