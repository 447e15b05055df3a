package io.candor.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.candor.compliance.Channel;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The texts Candor ships for its default strategy ({@code strategy/default-templates.json}) and for the service
 * messages of complaint cases ({@code template/service-templates.json}, per jurisdiction where one has wording of its
 * own): suggestions a new organisation reviews and approves (or changes first) — never sent before someone of the
 * organisation approved them.
 */
@Component
public class ShippedTemplates {

    /** A shipped text: its code and the draft to approve. */
    public record Suggestion(String code, Templates.Draft draft) {
    }

    private final List<Suggestion> all;
    private final Templates templates;

    ShippedTemplates(Templates templates) {
        this.templates = templates;
        List<Suggestion> list = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = ShippedTemplates.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(file + " is missing from the build");
                }
                for (JsonNode t : JsonMapper.builder().build().readTree(in)) {
                    list.add(new Suggestion(t.get("code").asString(), new Templates.Draft(
                            Channel.valueOf(t.get("channel").asString()), t.get("locale").asString(),
                            t.get("jurisdiction").asString(),
                            t.hasNonNull("purpose") ? t.get("purpose").asString() : null, t.get("body").asString())));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.all = List.copyOf(list);
    }

    /** The default strategy's texts, and the service messages' (a complaint's acknowledgement and final response). */
    private static final List<String> FILES = List.of("/strategy/default-templates.json",
            "/template/service-templates.json");

    public List<Suggestion> all() {
        return all;
    }

    /** The suggestions the organisation has not approved yet (no version of the code in that language). */
    public List<Suggestion> unapproved() {
        Set<String> approved = templates.latest().stream().map(t -> t.code() + "|" + t.locale())
                .collect(Collectors.toSet());
        return all.stream().filter(s -> !approved.contains(s.code() + "|" + s.draft().locale())).toList();
    }

    /** Approves every suggestion not approved yet, as shown, in {@code by}'s name; answers how many. */
    public int approveUnapproved(String by) {
        List<Suggestion> open = unapproved();
        open.forEach(s -> templates.approve(s.code(), s.draft(), by));
        return open.size();
    }

    public Optional<Suggestion> find(String code, String locale) {
        return all.stream().filter(s -> s.code().equals(code) && s.draft().locale().equals(locale)).findFirst();
    }
}
