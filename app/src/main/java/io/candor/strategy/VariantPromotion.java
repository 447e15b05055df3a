package io.candor.strategy;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Promotes a winning variant: the next version of the strategy gives every segment the path the variant used,
 * makes the variant the only arm (the holdout stays), and takes a new seed so every account's assignment is
 * recorded afresh. The file is edited as a YAML tree, so everything else in it stays as written.
 */
public final class VariantPromotion {

    private static final Resolver RESOLVER = new Resolver();

    private VariantPromotion() {
    }

    /**
     * The text of the next version. The caller publishes it, which validates it like any other file.
     *
     * @throws IllegalArgumentException when the file is not valid or has no such variant
     */
    public static String apply(String text, String variant, LocalDate effectiveFrom, String reason) {
        StrategyFile.Parsed parsed = StrategyFile.parse(text);
        Strategy strategy = parsed.strategy();
        if (strategy == null || !parsed.valid()) {
            throw new IllegalArgumentException("The stored strategy is not valid; publish a corrected version first.");
        }
        Experiment experiment = strategy.experiment();
        Experiment.Variant winner = experiment.variants().stream().filter(v -> v.name().equals(variant)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Strategy '" + strategy.name() + "' has no variant '"
                        + variant + "'; its variants are " + experiment.variants().stream()
                        .map(Experiment.Variant::name).toList() + "."));
        MappingNode top = (MappingNode) StrategyFile.compose(text);
        put(top, "effectiveFrom", text(effectiveFrom.toString()));
        put(top, "reason", text(reason));
        for (Node segment : ((SequenceNode) get(top, "segments")).getValue()) {
            String id = ((ScalarNode) get((MappingNode) segment, "id")).getValue();
            String path = winner.paths().get(id);
            if (path != null) {
                put((MappingNode) segment, "path", text(path));
            }
        }
        MappingNode arm = new MappingNode(Tag.MAP, new ArrayList<>(List.of(
                new NodeTuple(text("name"), text(variant)),
                new NodeTuple(text("share"), number(100 - experiment.holdoutPercent())))), DumperOptions.FlowStyle.BLOCK);
        MappingNode next = new MappingNode(Tag.MAP, new ArrayList<>(List.of(
                new NodeTuple(text("seed"), number(experiment.seed() + 1)),
                new NodeTuple(text("holdout"), number(experiment.holdoutPercent())),
                new NodeTuple(text("variants"), new SequenceNode(Tag.SEQ, new ArrayList<>(List.of(arm)),
                        DumperOptions.FlowStyle.BLOCK)))), DumperOptions.FlowStyle.BLOCK);
        put(top, "experiment", next);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        options.setAllowUnicode(true);
        StringWriter out = new StringWriter();
        new Yaml(options).serialize(top, out);
        return out.toString();
    }

    private static Node get(MappingNode map, String key) {
        return map.getValue().stream().filter(t -> key.equals(((ScalarNode) t.getKeyNode()).getValue()))
                .map(NodeTuple::getValueNode).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The strategy has no '" + key + "'."));
    }

    private static void put(MappingNode map, String key, Node value) {
        List<NodeTuple> tuples = map.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (key.equals(((ScalarNode) tuples.get(i).getKeyNode()).getValue())) {
                tuples.set(i, new NodeTuple(tuples.get(i).getKeyNode(), value));
                return;
            }
        }
        tuples.add(new NodeTuple(text(key), value));
    }

    /** A plain scalar with the tag a reader would resolve, so none is written out. */
    private static ScalarNode text(String value) {
        return new ScalarNode(RESOLVER.resolve(NodeId.scalar, value, true), value, null, null,
                DumperOptions.ScalarStyle.PLAIN);
    }

    private static ScalarNode number(long value) {
        return new ScalarNode(Tag.INT, Long.toString(value), null, null, DumperOptions.ScalarStyle.PLAIN);
    }
}
