package io.candor.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks scripts, SMS, e-mail and letter templates before they can be approved or sent: banned language per
 * locale (threats, impersonating police or courts, shaming, disclosure to employers or family, obscenity) and the
 * disclosures each jurisdiction requires on each channel. Every finding names its rule and the offending span.
 * Lists live in {@code compliance/lint/*.json}.
 */
public final class ContentLinter {

    /**
     * A template to check: where it is used, on which channel, in which language, and for which purpose when a
     * document of that kind has disclosures of its own ({@code VALIDATION_NOTICE}, {@code TRANSFER_NOTICE}).
     */
    public record Template(String jurisdiction, Channel channel, String locale, String text, @Nullable String purpose) {

        public Template(String jurisdiction, Channel channel, String locale, String text) {
            this(jurisdiction, channel, locale, text, null);
        }
    }

    /**
     * Service purposes: a message about a case the debtor opened, not a collection contact — the only texts that go
     * out as service messages (through the holds that pause collection).
     */
    public static final Set<String> SERVICE_PURPOSES = Set.of("COMPLAINT_ACKNOWLEDGEMENT", "COMPLAINT_FINAL_RESPONSE");

    /** Purposes whose text is a letter on a durable medium wherever it is sent (an e-mail carries it as a PDF). */
    public static final Set<String> LETTER_PURPOSES = Set.of("COMPLAINT_FINAL_RESPONSE");

    /**
     * Purposes with disclosures of their own. A rule of a collection text (one without {@code purposes}) does not
     * apply to a purpose it lists under {@code except} (a complaint's answer is not a demand for payment).
     */
    public static final Set<String> PURPOSES = Set.of("VALIDATION_NOTICE", "TRANSFER_NOTICE",
            "COMPLAINT_ACKNOWLEDGEMENT", "COMPLAINT_FINAL_RESPONSE");

    /**
     * A problem in a template; {@code start}–{@code end} is the offending span (empty for a missing disclosure).
     * {@code message} is in English; a page says it in the reader's language from {@code lint.<kind>} with
     * {@code args} (for a missing disclosure its source and wordings, for a language without rules the language).
     */
    public record Finding(String rule, String kind, int start, int end, String excerpt, String message,
                          List<String> args) {
        public Finding {
            args = List.copyOf(args);
        }
    }

    /** The locales with banned-language lists. */
    public static final Set<String> LOCALES = Set.of("en", "zh-CN", "zh-TW", "id", "pt-BR", "es", "vi", "th");

    private static final Set<String> WORD_SCRIPTS = Set.of("en", "id", "pt-BR", "es", "vi");

    private final JsonNode banned;
    private final JsonNode required;

    private ContentLinter(JsonNode banned, JsonNode required) {
        this.banned = banned;
        this.required = required;
    }

    public static ContentLinter shipped() {
        return new ContentLinter(read("/compliance/lint/banned.json"), read("/compliance/lint/required.json"));
    }

    public List<Finding> lint(Template t) {
        return lint(t, Map.of());
    }

    /**
     * Lints a text as it will go out: a required placeholder phrase ({@code {{balance}}}) counts as present when the
     * value it was filled with is in the text.
     */
    public List<Finding> lint(Template t, Map<String, String> filled) {
        if (!LOCALES.contains(t.locale())) {
            return List.of(new Finding("LINT-LOCALE", "UNSUPPORTED_LOCALE", 0, 0, "",
                    "No language rules for locale '" + t.locale() + "'; use one of " + LOCALES + ".",
                    List.of(t.locale(), String.join(", ", LOCALES.stream().sorted().toList()))));
        }
        List<Finding> findings = new ArrayList<>();
        String text = t.text().toLowerCase(Locale.ROOT);
        for (var kind : banned.get(t.locale()).properties()) {
            for (JsonNode phrase : kind.getValue()) {
                Matcher m = pattern(phrase.asString(), t.locale()).matcher(text);
                while (m.find()) {
                    findings.add(new Finding("BANNED-" + kind.getKey(), kind.getKey(), m.start(), m.end(),
                            t.text().substring(m.start(), m.end()), message(kind.getKey()), List.of()));
                }
            }
        }
        String country = t.jurisdiction().contains("-") ? t.jurisdiction().substring(0, t.jurisdiction().indexOf('-'))
                : t.jurisdiction();
        JsonNode rules = required.get(country.toUpperCase(Locale.ROOT));
        if (rules != null) {
            for (JsonNode rule : rules) {
                boolean applies = false;
                for (JsonNode c : rule.get("channels")) {
                    applies |= c.asString().equals(t.channel().name());
                }
                if (rule.has("purposes")) {
                    boolean forPurpose = false;
                    for (JsonNode purpose : rule.get("purposes")) {
                        forPurpose |= purpose.asString().equals(t.purpose());
                    }
                    applies &= forPurpose;
                }
                if (rule.has("except")) {
                    for (JsonNode purpose : rule.get("except")) {
                        applies &= !purpose.asString().equals(t.purpose());
                    }
                }
                if (!applies) {
                    continue;
                }
                JsonNode phrases = rule.get("phrases").get(t.locale());
                String id = rule.get("id").asString();
                if (phrases == null) {
                    findings.add(new Finding(id, "NO_WORDING", 0, 0, "", "The required disclosure ("
                            + rule.get("source").asString() + ") has no known wording in " + t.locale()
                            + "; write the template in a language the rule lists, or add the wording to the pack.",
                            List.of(rule.get("source").asString(), t.locale())));
                    continue;
                }
                boolean present = false;
                for (JsonNode p : phrases) {
                    String phrase = p.asString();
                    String value = phrase.startsWith("{{") && phrase.endsWith("}}")
                            ? filled.get(phrase.substring(2, phrase.length() - 2)) : null;
                    present |= text.contains(phrase.toLowerCase(Locale.ROOT))
                            || value != null && !value.isBlank() && text.contains(value.toLowerCase(Locale.ROOT));
                }
                if (!present) {
                    List<String> wordings = new ArrayList<>();
                    phrases.forEach(p -> wordings.add("「" + p.asString() + "」"));
                    findings.add(new Finding(id, "MISSING_DISCLOSURE", 0, 0, "", "Missing: "
                            + rule.get("source").asString() + ". Include one of " + phrases + ".",
                            List.of(rule.get("source").asString(), String.join(" ", wordings))));
                }
            }
        }
        findings.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::rule));
        return findings;
    }

    private static Pattern pattern(String phrase, String locale) {
        String quoted = Pattern.quote(phrase.toLowerCase(Locale.ROOT));
        return WORD_SCRIPTS.contains(locale)
                ? Pattern.compile("(?<![\\p{L}\\p{N}])" + quoted + "(?![\\p{L}\\p{N}])")
                : Pattern.compile(quoted);
    }

    private static String message(String kind) {
        return switch (kind) {
            case "THREAT" -> "Threatens the debtor (arrest, jail, seizure): never allowed.";
            case "IMPERSONATION" -> "Suggests the police, a court or a lawyer speaks: never allowed.";
            case "SHAMING" -> "Shames or threatens to expose the debtor: never allowed.";
            case "THIRD_PARTY_DISCLOSURE" -> "Threatens to involve family, employers or contacts: never allowed.";
            case "OBSCENITY" -> "Insulting or obscene language: never allowed.";
            default -> "Not allowed.";
        };
    }

    private static JsonNode read(String path) {
        try (InputStream in = ContentLinter.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build");
            }
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(path + " cannot be read: " + e.getMessage(), e);
        }
    }
}
