package io.candor.telephony;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.candor.compliance.Channel;
import io.candor.compliance.ContentLinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AI voice agent's first words by jurisdiction and language ({@code compliance/voice/openings.json}): the
 * automated-call disclosure each jurisdiction requires, linted when loaded against the jurisdiction's VOICE_AI
 * rules — an opening that misses a required disclosure or says a banned word stops the start, with the findings.
 */
final class CallOpenings {

    private record Entry(String jurisdiction, List<String> countries, Map<String, String> texts) {
    }

    private final List<Entry> entries;

    private CallOpenings(List<Entry> entries) {
        this.entries = entries;
    }

    /** The shipped openings, each linted. */
    static CallOpenings shipped() {
        try (InputStream in = CallOpenings.class.getResourceAsStream("/compliance/voice/openings.json")) {
            if (in == null) {
                throw new IllegalStateException("compliance/voice/openings.json is missing from the build");
            }
            return of(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CallOpenings of(JsonNode root) {
        ContentLinter linter = ContentLinter.shipped();
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (var e : root.properties()) {
            if (e.getKey().startsWith("_")) {
                continue;
            }
            List<String> countries = new ArrayList<>();
            e.getValue().get("countries").forEach(c -> countries.add(c.asString()));
            Map<String, String> texts = new LinkedHashMap<>();
            for (var t : e.getValue().get("texts").properties()) {
                texts.put(t.getKey(), t.getValue().asString());
                String jurisdiction = e.getKey().equals("default") ? "XX" : e.getKey();
                for (ContentLinter.Finding f : linter.lint(new ContentLinter.Template(jurisdiction, Channel.VOICE_AI,
                        t.getKey(), t.getValue().asString()))) {
                    problems.add(e.getKey() + "/" + t.getKey() + ": " + f.rule() + " — " + f.message());
                }
            }
            entries.add(new Entry(e.getKey(), countries, texts));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The AI call openings break the rules: " + String.join("; ", problems));
        }
        return new CallOpenings(entries);
    }

    /** An opening chosen for a debtor: the words, with the creditor's name, and their language. */
    record Chosen(String text, String language) {
    }

    /**
     * The opening for a debtor in {@code country} speaking {@code language}: the jurisdiction's own (else the
     * default's) in the nearest language it has — the same, the same Chinese script, the same language, English, or
     * its first.
     */
    Chosen choose(String country, String language, String creditor) {
        String c = country.toUpperCase(Locale.ROOT);
        Entry entry = entries.stream().filter(e -> e.countries().contains(c)).findFirst()
                .orElseGet(() -> entries.stream().filter(e -> e.jurisdiction().equals("default")).findFirst()
                        .orElseThrow());
        String lang = nearest(entry.texts(), language);
        return new Chosen(entry.texts().getOrDefault(lang, "").replace("{{creditor_name}}", creditor), lang);
    }

    private static String nearest(Map<String, String> texts, String language) {
        if (texts.containsKey(language)) {
            return language;
        }
        // the one rule for the nearest language (Indonesian's old code, Portuguese as Brazil's, Chinese scripts)
        String near = io.candor.platform.web.Languages.nearest(language, List.copyOf(texts.keySet()));
        if (texts.containsKey(near) && !(near.equals("en") && !language.startsWith("en"))) {
            return near;
        }
        String zh = CallPrompts.cantonese(language) ? "zh-TW" : "zh-CN";
        if (language.startsWith("zh") || language.startsWith("yue")) {
            if (texts.containsKey(zh)) {
                return zh;
            }
        }
        String base = language.split("-")[0];
        return texts.keySet().stream().filter(k -> k.startsWith(base)).findFirst()
                .orElse(texts.containsKey("en") ? "en" : texts.keySet().iterator().next());
    }
}
