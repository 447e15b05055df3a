package io.candor.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one deadline engine: a kind of deadline, a jurisdiction and the day something was received give the last day
 * allowed for each step, from the rules and calendars shipped as data ({@code deadline/complaints.json},
 * {@code deadline/calendars/*.json}). A period runs from the day after the day of receipt; a rule that rolls moves a
 * last day that is no working day to the next working day; a business-day rule counts working days only. A
 * jurisdiction with no rules of its own (but known to the rule packs) takes, deadline by deadline, the earliest that
 * the fallback jurisdictions' rules give, flagged. Immutable and thread-safe.
 */
public final class DeadlineEngine {

    /** How a rule counts its days. */
    public enum Count {
        CALENDAR, BUSINESS
    }

    /** A deadline rule as data: the deadline it sets, its days (by complexity where it differs), how they count. */
    public record Rule(String id, String field, int days, Count count, boolean roll, Map<Complexity, Integer> longer,
                       String source) {
        public Rule {
            longer = Map.copyOf(longer);
        }

        int days(Complexity c) {
            return longer.getOrDefault(c, days);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FIELDS = List.of("summaryResolutionBy", "responseBy", "finalResponseBy");
    private static final DeadlineEngine SHIPPED = load(path -> DeadlineEngine.class.getResourceAsStream("/" + path));

    private final Map<String, List<Rule>> rules;
    private final Map<String, WorkingCalendar> calendars;
    private final String fallbackId;
    private final List<String> fallbackFrom;
    private final Set<String> fallbackFor;

    private DeadlineEngine(Map<String, List<Rule>> rules, Map<String, WorkingCalendar> calendars, String fallbackId,
            List<String> fallbackFrom, Set<String> fallbackFor) {
        this.rules = rules;
        this.calendars = calendars;
        this.fallbackId = fallbackId;
        this.fallbackFrom = fallbackFrom;
        this.fallbackFor = fallbackFor;
    }

    /** The rules and calendars Candor ships. */
    public static DeadlineEngine shipped() {
        return SHIPPED;
    }

    /** The deadlines of {@code kind} for something received on {@code receivedOn} (a local date) in a jurisdiction. */
    Deadlines deadline(DeadlineKind kind, String jurisdiction, LocalDate receivedOn, Complexity complexity) {
        return switch (kind) {
            case COMPLAINT -> complaint(jurisdiction, receivedOn, complexity);
        };
    }

    /** A complaint's deadlines; an unknown jurisdiction is refused, naming those known. */
    public Deadlines complaint(String jurisdiction, LocalDate receivedOn, Complexity complexity) {
        String j = resolve(jurisdiction);
        return rules.containsKey(j) ? compute(j, receivedOn, complexity) : strictest(receivedOn, complexity);
    }

    /**
     * A real case's deadlines wherever its debtor is: a jurisdiction with no rules held — even one the rule packs do
     * not know — takes the strictest, flagged, rather than no deadline at all.
     */
    public Deadlines complaintAnywhere(String jurisdiction, LocalDate receivedOn, Complexity complexity) {
        try {
            return complaint(jurisdiction, receivedOn, complexity);
        } catch (IllegalArgumentException unknown) {
            return strictest(receivedOn, complexity);
        }
    }

    private Deadlines strictest(LocalDate receivedOn, Complexity complexity) {
        Map<String, LocalDate> earliest = new LinkedHashMap<>();
        Map<String, String> by = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        for (String from : fallbackFrom) {
            Deadlines d = compute(from, receivedOn, complexity);
            Map<String, LocalDate> values = values(d);
            for (Rule r : rules(from)) {
                LocalDate v = values.get(r.field());
                if (v != null && (earliest.get(r.field()) == null || v.isBefore(earliest.get(r.field())))) {
                    earliest.put(r.field(), v);
                    by.put(r.field(), r.id());
                }
            }
            d.rules().stream().filter(x -> x.endsWith("-CAL-UNCOVERED")).forEach(flags::add);
        }
        List<String> named = new ArrayList<>();
        named.add(fallbackId);
        FIELDS.stream().map(by::get).filter(x -> x != null && !named.contains(x)).forEach(named::add);
        named.addAll(flags);
        return new Deadlines(earliest.get(FIELDS.get(0)), earliest.get(FIELDS.get(1)), earliest.get(FIELDS.get(2)),
                named);
    }

    private Deadlines compute(String j, LocalDate receivedOn, Complexity complexity) {
        WorkingCalendar cal = calendars.getOrDefault(j, WorkingCalendar.weekendsOnly(j));
        Map<String, LocalDate> out = new LinkedHashMap<>();
        List<String> named = new ArrayList<>();
        boolean uncovered = false;
        for (Rule r : rules(j)) {
            LocalDate last = switch (r.count()) {
                case CALENDAR -> {
                    LocalDate d = receivedOn.plusDays(r.days(complexity));
                    yield r.roll() ? cal.onOrAfter(d) : d;
                }
                case BUSINESS -> cal.plusWorkingDays(receivedOn, r.days(complexity));
            };
            boolean usesCalendar = r.roll() || r.count() == Count.BUSINESS;
            uncovered |= usesCalendar && calendars.containsKey(j) && (!cal.covers(receivedOn) || !cal.covers(last));
            out.put(r.field(), last);
            named.add(r.id());
        }
        if (uncovered) {
            named.add(j + "-CAL-UNCOVERED"); // holidays past the calendar's years are not known: weekends only
        }
        return new Deadlines(out.get(FIELDS.get(0)), out.get(FIELDS.get(1)), out.get(FIELDS.get(2)), named);
    }

    private static Map<String, @Nullable LocalDate> values(Deadlines d) {
        Map<String, @Nullable LocalDate> m = new LinkedHashMap<>();
        m.put(FIELDS.get(0), d.summaryResolutionBy());
        m.put(FIELDS.get(1), d.responseBy());
        m.put(FIELDS.get(2), d.finalResponseBy());
        return m;
    }

    /** The jurisdiction whose rules apply: a subdivision (CN-11, BR-SP) takes its country's. */
    private String resolve(String jurisdiction) {
        String j = jurisdiction.strip().toUpperCase(Locale.ROOT);
        for (String candidate : List.of(j, j.contains("-") ? j.substring(0, j.indexOf('-')) : j)) {
            if (rules.containsKey(candidate) || fallbackFor.contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown jurisdiction '" + jurisdiction + "': deadlines are known for "
                + jurisdictions() + " (a subdivision such as CN-11 takes its country's)");
    }

    /**
     * The working day before {@code d} in a jurisdiction's calendar (its country's for a subdivision; weekends alone
     * where no calendar is held): when a deadline on {@code d} is escalated.
     */
    public LocalDate workingDayBefore(String jurisdiction, LocalDate d) {
        String j = jurisdiction.strip().toUpperCase(Locale.ROOT);
        String country = j.contains("-") ? j.substring(0, j.indexOf('-')) : j;
        WorkingCalendar cal = calendars.getOrDefault(country, WorkingCalendar.weekendsOnly(country));
        LocalDate x = d.minusDays(1);
        while (!cal.isWorkingDay(x)) {
            x = x.minusDays(1);
        }
        return x;
    }

    /** Every jurisdiction a deadline can be asked for. */
    public Set<String> jurisdictions() {
        Set<String> all = new TreeSet<>(rules.keySet());
        all.addAll(fallbackFor);
        return all;
    }

    /** A jurisdiction's own rules (none for those that fall back). */
    public List<Rule> rules(String jurisdiction) {
        return rules.getOrDefault(jurisdiction, List.of());
    }

    Optional<WorkingCalendar> calendar(String jurisdiction) {
        return Optional.ofNullable(calendars.get(jurisdiction));
    }

    static DeadlineEngine load(Function<String, @Nullable InputStream> files) {
        JsonNode doc = read(files, "deadline/complaints.json");
        Map<String, List<Rule>> rules = new LinkedHashMap<>();
        Map<String, WorkingCalendar> calendars = new LinkedHashMap<>();
        for (var e : doc.get("jurisdictions").properties()) {
            List<Rule> list = new ArrayList<>();
            for (JsonNode r : e.getValue().get("rules")) {
                Map<Complexity, Integer> longer = new EnumMap<>(Complexity.class);
                JsonNode c = r.get("complexity");
                if (c != null) {
                    c.properties().forEach(x -> longer.put(Complexity.valueOf(x.getKey()), x.getValue().asInt()));
                }
                String field = r.get("field").asString();
                if (!FIELDS.contains(field)) {
                    throw new IllegalStateException("deadline rule " + r.get("id") + ": unknown field " + field);
                }
                list.add(new Rule(r.get("id").asString(), field, r.get("days").asInt(),
                        Count.valueOf(r.get("count").asString()), r.path("roll").asBoolean(false), longer,
                        r.get("source").asString()));
            }
            rules.put(e.getKey(), List.copyOf(list));
            InputStream cal = files.apply("deadline/calendars/" + e.getKey() + ".json");
            if (cal != null) {
                calendars.put(e.getKey(), calendar(cal));
            }
        }
        JsonNode fb = doc.get("fallback");
        List<String> from = new ArrayList<>();
        fb.get("from").forEach(x -> from.add(x.asString()));
        Set<String> fallbackFor = new HashSet<>();
        fb.get("jurisdictions").forEach(x -> fallbackFor.add(x.asString()));
        return new DeadlineEngine(Map.copyOf(rules), Map.copyOf(calendars), fb.get("id").asString(), List.copyOf(from),
                Set.copyOf(fallbackFor));
    }

    private static WorkingCalendar calendar(InputStream in) {
        try (in) {
            JsonNode c = JSON.readTree(in);
            Set<DayOfWeek> weekend = new HashSet<>();
            c.get("weekend").forEach(x -> weekend.add(DayOfWeek.valueOf(x.asString())));
            return new WorkingCalendar(c.get("jurisdiction").asString(), weekend, dates(c.get("holidays")),
                    dates(c.get("workingWeekendDays")), LocalDate.parse(c.get("covers").get("from").asString()),
                    LocalDate.parse(c.get("covers").get("to").asString()), c.get("source").asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<LocalDate> dates(JsonNode a) {
        Set<LocalDate> s = new HashSet<>();
        a.forEach(x -> s.add(LocalDate.parse(x.asString())));
        return s;
    }

    private static JsonNode read(Function<String, @Nullable InputStream> files, String path) {
        InputStream in = files.apply(path);
        if (in == null) {
            throw new IllegalStateException("missing " + path);
        }
        try (in) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
