package io.candor.complaint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The root-cause taxonomy ({@code complaint/root-causes.json}): the CFPB's debt-collection issues and China's. */
final class RootCauses {

    /** A cause: its code, where it comes from (CFPB, CN, CANDOR), and its names by language. */
    record Cause(String code, String source, Map<String, String> names) {
    }

    static final Map<String, Cause> ALL = load();

    private RootCauses() {
    }

    private static Map<String, Cause> load() {
        try (InputStream in = RootCauses.class.getResourceAsStream("/complaint/root-causes.json")) {
            if (in == null) {
                throw new IllegalStateException("missing complaint/root-causes.json");
            }
            JsonNode doc = JsonMapper.builder().build().readTree(in);
            Map<String, Cause> out = new LinkedHashMap<>();
            for (JsonNode c : doc.get("causes")) {
                Map<String, String> names = new LinkedHashMap<>();
                for (String lang : new String[] {"en", "zh-CN", "zh-TW"}) {
                    names.put(lang, c.get(lang).asString());
                }
                out.put(c.get("code").asString(), new Cause(c.get("code").asString(), c.get("source").asString(),
                        Map.copyOf(names)));
            }
            return java.util.Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
