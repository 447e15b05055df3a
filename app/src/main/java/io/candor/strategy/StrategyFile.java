package io.candor.strategy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.candor.compliance.Channel;
import io.candor.platform.Codes;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a strategy file (YAML, or JSON, which is YAML too) into a {@link Strategy}, collecting every problem with
 * its path and line instead of stopping at the first. Only the YAML node tree is built (no objects are
 * constructed from tags), with limits on size and aliases. The format is documented in {@code docs/strategy.md}.
 */
public final class StrategyFile {

    /** The parse: the strategy when there were no errors, and every problem found. */
    public record Parsed(@Nullable Strategy strategy, List<StrategyProblem> problems) {

        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return strategy != null && problems.stream().noneMatch(p -> p.severity() == StrategyProblem.Severity.ERROR);
        }
    }

    private static final Set<String> TOP = Set.of("strategy", "effectiveFrom", "reason", "jurisdictions", "experiment",
            "capacity", "costs", "arrangements", "queues", "segments", "paths");
    private static final int MAX_CHARS = 1 << 20;

    private final List<StrategyProblem> problems = new ArrayList<>();

    private StrategyFile() {
    }

    public static Parsed parse(String text) {
        return new StrategyFile().read(text);
    }

    private Parsed read(String text) {
        if (text.length() > MAX_CHARS) {
            return new Parsed(null, List.of(StrategyProblem.error("", 0, "The file is over 1 MiB; a strategy is a few "
                    + "hundred lines.")));
        }
        Node root;
        try {
            root = compose(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            return new Parsed(null, List.of(StrategyProblem.error("", line, "Not valid YAML or JSON: " + e.getProblem()
                    + ".")));
        } catch (RuntimeException e) {
            return new Parsed(null, List.of(StrategyProblem.error("", 0, "Not valid YAML or JSON: " + e.getMessage())));
        }
        if (!(root instanceof MappingNode top)) {
            return new Parsed(null, List.of(StrategyProblem.error("", 1,
                    "A strategy file is a mapping with keys " + TOP + ".")));
        }
        Map<String, Node> fields = fields(top, "", TOP);
        String name = text(fields, "strategy", "", true);
        if (name != null && !Codes.valid(name)) {
            error("strategy", fields.get("strategy"), "A strategy name is " + Codes.RULE + ".");
        }
        LocalDate from = date(fields.get("effectiveFrom"), "effectiveFrom");
        String reason = text(fields, "reason", "", true);
        List<String> jurisdictions = labels(fields.get("jurisdictions"), "jurisdictions").stream()
                .map(j -> j.toUpperCase(Locale.ROOT)).toList();
        Map<String, TreatmentPath> paths = paths(fields.get("paths"));
        List<Segment> segments = segments(fields.get("segments"));
        Experiment experiment = experiment(fields.get("experiment"));
        Map<Channel, Integer> capacity = capacity(fields.get("capacity"));
        Map<Channel, BigDecimal> costs = costs(fields.get("costs"));
        Strategy.OnBroken onBroken = Strategy.OnBroken.RESUME;
        String escalateTo = null;
        if (fields.get("arrangements") instanceof Node n) {
            Map<String, Node> a = fields(n, "arrangements", Set.of("onBroken", "escalateTo"));
            String on = text(a, "onBroken", "arrangements.", false);
            if (on != null) {
                onBroken = choice(on, Strategy.OnBroken.class, "arrangements.onBroken", a.get("onBroken"),
                        Strategy.OnBroken.RESUME);
            }
            escalateTo = text(a, "escalateTo", "arrangements.", false);
            if (onBroken == Strategy.OnBroken.ESCALATE && escalateTo == null) {
                error("arrangements.escalateTo", n, "onBroken: ESCALATE needs escalateTo: the path to escalate to.");
            }
        }
        int recycle = 5;
        if (fields.get("queues") instanceof Node n) {
            Map<String, Node> q = fields(n, "queues", Set.of("recycleAfterDays"));
            recycle = number(q.get("recycleAfterDays"), "queues.recycleAfterDays", 1, 365, 5);
        }
        if (name == null || from == null || reason == null || hasErrors()) {
            return new Parsed(null, problems);
        }
        return new Parsed(new Strategy(name, from, reason, jurisdictions, experiment, capacity, costs, onBroken,
                escalateTo, recycle, segments, paths), problems);
    }

    /** The file's YAML node tree (no objects built from tags; duplicate keys and alias bombs refused). */
    static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(MAX_CHARS);
        return new Yaml(options).compose(new StringReader(text));
    }

    private Map<String, TreatmentPath> paths(@Nullable Node node) {
        Map<String, TreatmentPath> paths = new LinkedHashMap<>();
        if (node == null) {
            error("paths", null, "A strategy needs paths: at least one ladder of steps.");
            return paths;
        }
        List<Node> items = sequence(node, "paths");
        for (int i = 0; i < items.size(); i++) {
            String at = "paths[" + i + "]";
            Map<String, Node> f = fields(items.get(i), at, Set.of("id", "tier", "steps"));
            String id = text(f, "id", at + ".", true);
            int tier = number(f.get("tier"), at + ".tier", 1, 3, 0);
            if (f.get("tier") == null) {
                error(at + ".tier", items.get(i), "A path needs tier: 1 (digital and AI), 2 (human) or 3 (legal).");
            }
            List<Step> steps = new ArrayList<>();
            List<Node> stepNodes = f.get("steps") == null ? List.of() : sequence(f.get("steps"), at + ".steps");
            if (stepNodes.isEmpty()) {
                error(at + ".steps", items.get(i), "A path needs at least one step.");
            }
            for (int j = 0; j < stepNodes.size(); j++) {
                Step step = step(stepNodes.get(j), at + ".steps[" + j + "]");
                if (step != null) {
                    steps.add(step);
                }
            }
            if (id != null && paths.containsKey(id)) {
                error(at + ".id", f.get("id"), "Path '" + id + "' is defined twice; path ids are unique.");
            } else if (id != null && tier > 0) {
                paths.put(id, new TreatmentPath(id, Tier.of(tier), steps));
            }
        }
        return paths;
    }

    private @Nullable Step step(Node node, String at) {
        Map<String, Node> f = fields(node, at, Set.of("day", "channel", "template", "at", "retries", "retryEvery"));
        int day = number(f.get("day"), at + ".day", 0, 3650, 0);
        String channelText = text(f, "channel", at + ".", true);
        Channel channel = channelText == null ? null : choiceOrNull(channelText, Channel.class, at + ".channel",
                f.get("channel"));
        String template = text(f, "template", at + ".", false);
        LocalTime time = LocalTime.of(10, 0);
        String t = text(f, "at", at + ".", false);
        if (t != null) {
            try {
                time = LocalTime.parse(t.length() == 4 ? "0" + t : t);
            } catch (DateTimeParseException e) {
                error(at + ".at", f.get("at"), "'" + t + "' is not a local time; write HH:MM, e.g. 10:30.");
            }
        }
        int retries = number(f.get("retries"), at + ".retries", 0, 30, 0);
        int every = number(f.get("retryEvery"), at + ".retryEvery", 1, 30, 1);
        if (channel == null) {
            return null;
        }
        if (template == null && channel != Channel.VOICE_HUMAN && channel != Channel.FIELD_VISIT) {
            error(at + ".template", node, "A " + channel + " step needs a template (only human calls and visits have none).");
        }
        return new Step(day, channel, template, time, retries, every);
    }

    private List<Segment> segments(@Nullable Node node) {
        List<Segment> segments = new ArrayList<>();
        if (node == null) {
            error("segments", null, "A strategy needs segments: which accounts go on which path.");
            return segments;
        }
        List<Node> items = sequence(node, "segments");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "segments[" + i + "]";
            Map<String, Node> f = fields(items.get(i), at, Set.of("id", "when", "path"));
            String id = text(f, "id", at + ".", true);
            String path = text(f, "path", at + ".", true);
            Criteria when = f.get("when") == null ? Criteria.ALL : criteria(f.get("when"), at + ".when");
            if (id != null && !ids.add(id)) {
                error(at + ".id", f.get("id"), "Segment '" + id + "' is defined twice; segment ids are unique.");
            }
            if (id != null && path != null) {
                segments.add(new Segment(id, when, path, line(items.get(i))));
            }
        }
        return segments;
    }

    private Criteria criteria(Node node, String at) {
        Map<Dimension, Constraint> constraints = new EnumMap<>(Dimension.class);
        if (!(node instanceof MappingNode m)) {
            error(at, node, "Conditions are a mapping, e.g. {bucket: [M1], dpd: {min: 1, max: 30}}.");
            return Criteria.ALL;
        }
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode());
            String where = at + "." + key;
            Dimension d = Dimension.byKey(key).orElse(null);
            if (d == null) {
                error(where, t.getKeyNode(), "Unknown condition '" + key + "'; use one of " + Dimension.keys() + ".");
                continue;
            }
            Node v = t.getValueNode();
            Constraint c = switch (d.kind()) {
                case CATEGORY -> new Constraint.In(new HashSet<>(labels(v, where)));
                case FLAG -> flag(v, where);
                case NUMBER -> range(v, where, BigDecimal::longValueExact, 0);
                case AMOUNT -> range(v, where, a -> a.movePointRight(Dimension.AMOUNT_SCALE).longValueExact(),
                        Dimension.AMOUNT_SCALE);
            };
            if (c != null && c.isEmpty()) {
                error(where, v, "This condition matches nothing (an empty list, or min above max).");
            }
            if (c != null) {
                constraints.put(d, c);
            }
        }
        return new Criteria(constraints);
    }

    private @Nullable Constraint flag(Node v, String where) {
        String s = scalar(v);
        if (!s.equals("true") && !s.equals("false")) {
            error(where, v, "Write true or false.");
            return null;
        }
        return new Constraint.In(Set.of(s));
    }

    private @Nullable Constraint range(Node v, String where, Function<BigDecimal, Long> scale, int decimals) {
        try {
            if (v instanceof ScalarNode) {
                long n = scale.apply(decimal(scalar(v), decimals));
                return new Constraint.Range(n, n);
            }
            Map<String, Node> f = fields(v, where, Set.of("min", "max"));
            if (f.isEmpty()) {
                error(where, v, "Give min, max or both, e.g. {min: 31, max: 60}.");
                return null;
            }
            long min = f.containsKey("min") ? scale.apply(decimal(scalar(f.get("min")), decimals)) : Long.MIN_VALUE;
            long max = f.containsKey("max") ? scale.apply(decimal(scalar(f.get("max")), decimals)) : Long.MAX_VALUE;
            return new Constraint.Range(min, max);
        } catch (ArithmeticException | NumberFormatException e) {
            error(where, v, decimals == 0 ? "Write a whole number, or {min: …, max: …} of whole numbers."
                    : "Write an amount in major units with at most " + decimals + " decimals, or {min: …, max: …}.");
            return null;
        }
    }

    private static BigDecimal decimal(String s, int decimals) {
        BigDecimal d = new BigDecimal(s);
        if (d.stripTrailingZeros().scale() > decimals) {
            throw new ArithmeticException("too many decimals");
        }
        return d;
    }

    private Experiment experiment(@Nullable Node node) {
        if (node == null) {
            return Experiment.NONE;
        }
        Map<String, Node> f = fields(node, "experiment", Set.of("seed", "holdout", "variants"));
        long seed = 0;
        if (f.get("seed") != null) {
            try {
                seed = Long.parseLong(scalar(f.get("seed")));
            } catch (NumberFormatException e) {
                error("experiment.seed", f.get("seed"), "The seed is a whole number; keep it to keep assignments stable.");
            }
        } else {
            error("experiment.seed", node, "An experiment needs a seed (any whole number): the same seed always "
                    + "assigns an account to the same variant.");
        }
        int holdout = number(f.get("holdout"), "experiment.holdout", 0, 50, 0);
        List<Experiment.Variant> variants = new ArrayList<>();
        List<Node> items = f.get("variants") == null ? List.of() : sequence(f.get("variants"), "experiment.variants");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "experiment.variants[" + i + "]";
            Map<String, Node> v = fields(items.get(i), at, Set.of("name", "share", "paths"));
            String name = text(v, "name", at + ".", true);
            int share = number(v.get("share"), at + ".share", 1, 100, 0);
            Map<String, String> overrides = new LinkedHashMap<>();
            if (v.get("paths") instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    overrides.put(scalar(t.getKeyNode()), scalar(t.getValueNode()));
                }
            } else if (v.get("paths") != null) {
                error(at + ".paths", v.get("paths"), "paths maps segment ids to the path this variant uses instead.");
            }
            if (name != null && (name.equals(Experiment.HOLDOUT) || !names.add(name))) {
                error(at + ".name", v.get("name"), "Variant names are unique and '" + Experiment.HOLDOUT
                        + "' is reserved for the control group.");
            }
            if (name != null && share > 0) {
                variants.add(new Experiment.Variant(name, share, overrides));
            }
        }
        if (variants.isEmpty()) {
            error("experiment.variants", node, "An experiment needs at least one variant (the champion).");
            return Experiment.NONE;
        }
        int total = holdout + variants.stream().mapToInt(Experiment.Variant::share).sum();
        if (total != 100) {
            error("experiment", node, "The variants' shares and the holdout add up to " + total + "%; make them 100%.");
        }
        return new Experiment(seed, holdout, variants);
    }

    private Map<Channel, Integer> capacity(@Nullable Node node) {
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        if (node == null) {
            return capacity;
        }
        if (!(node instanceof MappingNode m)) {
            error("capacity", node, "capacity maps channels to most contacts a day, e.g. {SMS: 50000}.");
            return capacity;
        }
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode());
            Channel c = choiceOrNull(key, Channel.class, "capacity." + key, t.getKeyNode());
            int n = number(t.getValueNode(), "capacity." + key, 0, 100_000_000, 0);
            if (c != null) {
                capacity.put(c, n);
            }
        }
        return capacity;
    }

    private Map<Channel, BigDecimal> costs(@Nullable Node node) {
        Map<Channel, BigDecimal> costs = new EnumMap<>(Strategy.DEFAULT_COSTS);
        if (node == null) {
            return costs;
        }
        if (!(node instanceof MappingNode m)) {
            error("costs", node, "costs maps channels to the cost of one contact in the reporting currency, "
                    + "e.g. {SMS: 0.05}.");
            return costs;
        }
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode());
            Channel c = choiceOrNull(key, Channel.class, "costs." + key, t.getKeyNode());
            try {
                BigDecimal cost = new BigDecimal(scalar(t.getValueNode()));
                if (cost.signum() < 0 || cost.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                    error("costs." + key, t.getValueNode(), "A contact costs between 0 and 1000000.");
                } else if (c != null) {
                    costs.put(c, cost);
                }
            } catch (NumberFormatException e) {
                error("costs." + key, t.getValueNode(), "'" + scalar(t.getValueNode()) + "' is not a number; "
                        + "write the cost of one contact, e.g. 0.05.");
            }
        }
        return costs;
    }

    // --- node helpers: every failure becomes a problem with the node's line ---

    private Map<String, Node> fields(Node node, String at, Set<String> allowed) {
        Map<String, Node> fields = new LinkedHashMap<>();
        if (!(node instanceof MappingNode m)) {
            error(at, node, "Expected a mapping with keys " + new TreeSet<>(allowed) + ".");
            return fields;
        }
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode());
            if (!allowed.contains(key)) {
                error(prefix(at) + key, t.getKeyNode(), "Unknown key '" + key + "'; expected one of "
                        + new TreeSet<>(allowed) + ".");
            } else {
                fields.put(key, t.getValueNode());
            }
        }
        return fields;
    }

    private List<Node> sequence(Node node, String at) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        error(at, node, "Expected a list.");
        return List.of();
    }

    private List<String> labels(@Nullable Node node, String at) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof ScalarNode) {
            return List.of(scalar(node));
        }
        List<String> out = new ArrayList<>();
        for (Node n : sequence(node, at)) {
            if (n instanceof ScalarNode) {
                out.add(scalar(n));
            } else {
                error(at, n, "Expected a label or a list of labels.");
            }
        }
        return out;
    }

    private @Nullable String text(Map<String, Node> fields, String key, String at, boolean required) {
        Node n = fields.get(key);
        if (n == null) {
            if (required) {
                error(at + key, null, "Missing '" + key + "'.");
            }
            return null;
        }
        if (!(n instanceof ScalarNode) || scalar(n).isBlank()) {
            error(at + key, n, "'" + key + "' must be a non-empty text.");
            return null;
        }
        return scalar(n).strip();
    }

    private @Nullable LocalDate date(@Nullable Node n, String at) {
        if (n == null) {
            error(at, null, "Missing '" + at + "': the first business date the strategy is used on (YYYY-MM-DD).");
            return null;
        }
        try {
            return LocalDate.parse(scalar(n));
        } catch (DateTimeParseException e) {
            error(at, n, "'" + scalar(n) + "' is not a date; write YYYY-MM-DD.");
            return null;
        }
    }

    private int number(@Nullable Node n, String at, int min, int max, int fallback) {
        if (n == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(scalar(n));
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(at, n, "Expected a whole number from " + min + " to " + max + ", got '" + scalar(n) + "'.");
        return fallback;
    }

    private <E extends Enum<E>> E choice(String value, Class<E> type, String at, @Nullable Node n, E fallback) {
        E chosen = choiceOrNull(value, type, at, n);
        return chosen == null ? fallback : chosen;
    }

    /** The constant the value names, or null (and an error at {@code at}) when it names none. */
    private <E extends Enum<E>> @Nullable E choiceOrNull(String value, Class<E> type, String at, @Nullable Node n) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(at, n, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()) + ".");
            return null;
        }
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : "";
    }

    private static int line(@Nullable Node n) {
        return n == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static String prefix(String at) {
        return at.isEmpty() ? "" : at + ".";
    }

    private void error(String path, @Nullable Node n, String reason) {
        problems.add(StrategyProblem.error(path, line(n), reason));
    }

    private boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == StrategyProblem.Severity.ERROR);
    }
}
