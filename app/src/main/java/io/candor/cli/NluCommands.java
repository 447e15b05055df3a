package io.candor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.candor.agent.nlu.Nlu;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code candor nlu classify}: {@code id<TAB>text} lines on standard input, {@code id<TAB>intent<TAB>emotion} lines
 * on standard output; {@code candor nlu evaluate}: held-out accuracy and throughput as JSON. No server needed.
 */
final class NluCommands {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    NluCommands(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(CandorCli.Options o) {
        String verb = o.positional(0, "nlu classify < id<TAB>text lines | nlu evaluate");
        return switch (verb) {
            case "classify" -> classify();
            case "evaluate" -> evaluate();
            default -> throw new CandorCli.UsageException("unknown nlu command '" + verb + "'");
        };
    }

    private int classify() {
        Nlu nlu = Nlu.shipped();
        int line = 0;
        int bad = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String s;
            while ((s = r.readLine()) != null) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                int tab = s.indexOf('\t');
                if (tab < 0) {
                    err.println("candor nlu: line " + line + " has no tab: write id<TAB>text");
                    bad++;
                    continue;
                }
                if (s.substring(tab + 1).isBlank()) {
                    err.println("candor nlu: line " + line + " has no text after the tab: nothing to classify");
                    bad++;
                    continue;
                }
                Nlu.Reading reading = nlu.read(s.substring(tab + 1));
                out.println(s.substring(0, tab) + "\t" + reading.intent() + "\t" + reading.emotion());
            }
        } catch (IOException e) {
            throw new CandorCli.UsageException("cannot read standard input: " + e.getMessage());
        }
        return bad == 0 ? 0 : 1;
    }

    private int evaluate() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("heldOut", Nlu.evaluate());
        result.put("throughput", Nlu.throughput(5));
        out.println(JsonMapper.builder().build().writeValueAsString(result));
        return 0;
    }
}
