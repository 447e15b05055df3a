package io.candor.dialer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.candor.channel.Providers;
import io.candor.compliance.gate.ContactGate;
import io.candor.dialer.pacing.AbandonRules;
import io.candor.dialer.pacing.Floor;
import io.candor.dialer.pacing.Pacer;
import io.candor.platform.Actor;
import io.candor.platform.tenant.TenantContext;
import io.candor.platform.web.BadRequestException;
import io.candor.platform.web.ConflictException;
import io.candor.platform.web.NotFoundException;
import io.candor.strategy.planning.WorkQueues;
import io.candor.telephony.BridgedCalls;
import io.candor.tenancy.EachTenant;
import io.candor.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Dials the running campaigns: a few times a second, for each, reads its team's floor, asks its pacer how many lines
 * to ring, and rings the next accounts of its queue through the gate — progressive lines each keeping a ready
 * collector, predictive ones for whoever is free when a person answers. A person answered is handed to a free
 * collector of the team at once; with none, or a phone that does not answer within the connect window, they hear the
 * information message and the call counts as abandoned. A number a dialer abandoned rests {@code 72 h} from
 * predictive lines. Collectors wrapping up longer than the campaign allows are made READY.
 */
@Component
class CampaignDialer {

    private static final Logger log = LoggerFactory.getLogger(CampaignDialer.class);
    static final Actor DIALER = Actor.of(new UUID(0, 5), "dialer");
    private static final String ZH_DIGITS = "零幺二三四五六七八九";

    /** A campaign's figures now, for its page and API. */
    record View(Campaign campaign, DialingMode pacedAs, @Nullable String why, Map<String, Long> counters,
                double answerRate, List<Window> abandoned, Map<AgentState, Integer> floor, @Nullable String problem) {
    }

    /** One limit's window now: live and abandoned calls, the rate and its maximum. */
    record Window(String limit, Duration window, long live, long abandoned, double rate, double maxRate,
                  String source) {
    }

    /** A call just bridged to a collector: what their screen opens. */
    record Offer(UUID account, UUID call, UUID contactEvent, UUID campaign, Instant at) {
    }

    private final Campaigns campaigns;
    private final CampaignLines lines;
    private final Agents agents;
    private final WorkQueues queues;
    private final BridgedCalls bridged;
    private final Providers providers;
    private final Tenants tenants;
    private final EachTenant each;
    private final Clock clock;
    private final AbandonRules rules = AbandonRules.shipped();
    private final Map<UUID, CampaignRun> runs = new ConcurrentHashMap<>();
    private final Map<String, Offer> offers = new ConcurrentHashMap<>();

    CampaignDialer(Campaigns campaigns, CampaignLines lines, Agents agents, WorkQueues queues, BridgedCalls bridged,
            Providers providers, Tenants tenants, EachTenant each, Clock clock) {
        this.campaigns = campaigns;
        this.lines = lines;
        this.agents = agents;
        this.queues = queues;
        this.bridged = bridged;
        this.providers = providers;
        this.tenants = tenants;
        this.each = each;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${candor.dialer.tick:500ms}", initialDelayString = "${candor.dialer.tick:500ms}")
    void tick() {
        each.runActive("Dialling the campaigns", this::dial);
    }

    /** In a tenant's context: one pacing step of each running campaign. */
    void dial() {
        for (Campaign c : campaigns.running()) {
            try {
                step(c);
            } catch (RuntimeException e) {
                log.warn("Campaign {} could not dial: {}", c.name(), e.toString());
                run(c).problem(e.getMessage());
            }
        }
    }

    private CampaignRun run(Campaign c) {
        UUID tenant = TenantContext.require();
        return runs.computeIfAbsent(c.id(), id -> {
            int stale = lines.closeStale(id);
            if (stale > 0) {
                log.info("Campaign {}: {} lines a stopped server left ringing closed", c.name(), stale);
            }
            return new CampaignRun(tenant, id, c.mode(), rules, zone(), history(id));
        });
    }

    private List<CampaignLines.Answered> history(UUID campaign) {
        Duration longest = rules.limits().stream().map(AbandonRules.Limit::window).max(Comparator.naturalOrder())
                .orElseThrow();
        return lines.answeredSince(campaign, clock.instant().minus(longest));
    }

    private java.time.ZoneId zone() {
        return tenants.find(TenantContext.require()).orElseThrow().timeZone();
    }

    private void step(Campaign c) {
        CampaignRun run = run(c);
        run.switchTo(c.mode(), c.mode() == run.mode() ? List.of() : history(c.id()));
        Instant now = clock.instant();
        LocalDate today = tenants.businessDate(TenantContext.require());
        List<Agents.View> team = team(c);
        List<Double> wrappingSeconds = new ArrayList<>();
        List<Double> talkingSeconds = new ArrayList<>();
        int ready = 0;
        List<String> free = new ArrayList<>();
        for (Agents.View v : team) {
            double secs = Duration.between(v.since(), now).toMillis() / 1000.0;
            if (v.state() == AgentState.WRAP_UP) {
                run.wrapSeen(v.username(), v.since(), now);
                if (secs >= c.wrapUpSeconds()) {
                    agents.moved(v.username(), AgentState.READY, "dialer"); // the campaign's wrap-up limit
                    run.wrapSeen(v.username(), null, now);
                    free.add(v.username());
                } else {
                    wrappingSeconds.add(secs);
                }
                continue;
            }
            run.wrapSeen(v.username(), null, now);
            if (v.state() == AgentState.ON_CALL) {
                talkingSeconds.add(secs);
            } else if (v.state() == AgentState.READY) {
                free.add(v.username());
            }
        }
        free.removeIf(run::isKept);
        ready = free.size();
        Pacer.Decision d = run.decide(new Floor(ready, wrappingSeconds, talkingSeconds, run.unkeptRinging(), 0), now);
        if (d.lines() == 0) {
            return;
        }
        List<UUID> queue = c.queue() == Campaign.Queue.LIST ? c.accounts() : queues.teamAccounts(c.team(), today);
        Set<UUID> done = new HashSet<>(lines.tried(c.id(), today));
        done.addAll(run.accountsInFlight());
        List<UUID> next = queue.stream().filter(a -> !done.contains(a)).toList();
        // a number a dialer abandoned rests from lines no collector is kept for
        Set<UUID> resting = d.pacedAs() == DialingMode.PREDICTIVE
                ? lines.abandonedSince(next, now.minus(rules.noRepeatAfterAbandon())) : Set.of();
        int placed = 0;
        for (UUID account : next) {
            if (placed >= d.lines()) {
                break;
            }
            String keep = d.pacedAs() == DialingMode.PROGRESSIVE && placed < free.size() ? free.get(placed) : null;
            if (keep == null && resting.contains(account)) {
                continue;
            }
            try {
                ring(c, run, today, account, keep, d.pacedAs(), now);
                run.problem(null);
            } catch (ContactGate.Refused r) {
                lines.skipped(c.id(), today, account, d.pacedAs(), CampaignLines.Outcome.REFUSED,
                        String.join(", ", r.rules()));
                continue;
            } catch (NotFoundException | BadRequestException | ConflictException e) {
                if (e.getMessage() != null && e.getMessage().contains("trunk")) {
                    run.problem(e.getMessage()); // nothing can ring until the trunk is set
                    return;
                }
                lines.skipped(c.id(), today, account, d.pacedAs(), CampaignLines.Outcome.REFUSED,
                        String.valueOf(e.getMessage()));
                continue;
            }
            placed++;
        }
    }

    private List<Agents.View> team(Campaign c) {
        Set<String> members = new HashSet<>(queues.members(c.team()).orElse(List.of()));
        return agents.floor().stream().filter(v -> members.contains(v.username())).toList();
    }

    private void ring(Campaign c, CampaignRun run, LocalDate today, UUID account, @Nullable String keep,
            DialingMode pacedAs, Instant now) {
        Registrar registrar = Registrar.required(providers);
        BridgedCalls.LineRules lineRules = new BridgedCalls.LineRules(
                Duration.ofSeconds(Math.max(c.ringSeconds(), rules.minRing().toSeconds())), rules.connectWithin(),
                messages(c), rules.informationMessageMax(), c.detectMachines() && run.mayDetectMachines(now));
        UUID[] call = new UUID[1];
        Object placed = new Object();
        BridgedCalls.Placed p = bridged.ring(account, null, DIALER, lineRules, new BridgedCalls.Line() {
            @Override
            public BridgedCalls.@Nullable Handoff answered(Duration rang) {
                CampaignRun.InFlight l = run.answered(waitFor(call, placed), rang, clock.instant());
                String who = handTo(c, run, l == null ? null : l.keptFor);
                if (who == null) {
                    return null;
                }
                if (l != null) {
                    l.collector = who;
                }
                Agents.View v = agents.of(who).orElseThrow();
                return new BridgedCalls.Handoff(new BridgedCalls.Collector(registrar.host(), registrar.port(),
                        v.extension()), who);
            }

            @Override
            public void bridged(BridgedCalls.Handoff to) {
                offers.put(key(to.username()), new Offer(account, call[0], contactEvent(call), c.id(), clock.instant()));
            }

            @Override
            public void missed(BridgedCalls.Handoff to, String result) {
                // a phone that cannot take the dialer's calls would abandon every debtor handed to it
                log.warn("Campaign {}: the phone of {} did not answer a handed call ({}); they go offline",
                        c.name(), to.username(), result);
                agents.handoffMissed(to.username());
                CampaignRun.InFlight l = run.line(waitFor(call, placed));
                if (l != null) {
                    l.collector = null;
                }
            }

            @Override
            public void ended(BridgedCalls.LineEnd end) {
                UUID id = waitFor(call, placed);
                CampaignRun.InFlight l = run.ended(id, end, clock.instant());
                String who = l == null ? null : l.collector;
                if (end.transferredTo() != null) {
                    // the supervisor who took it wraps it up; the collector already is, since the transfer
                    agents.moved(end.transferredTo(), AgentState.WRAP_UP, "dialer");
                } else if (who != null) {
                    // a call bridged ends in wrap-up; a collector whose phone did not answer is free again
                    agents.moved(who, end.outcome() == BridgedCalls.LineOutcome.BRIDGED ? AgentState.WRAP_UP
                            : AgentState.READY, "dialer");
                }
                CampaignLines.Outcome kept = switch (end.outcome()) {
                    case NOT_ANSWERED -> CampaignLines.Outcome.NOT_ANSWERED;
                    case MACHINE -> CampaignLines.Outcome.MACHINE;
                    case BRIDGED -> CampaignLines.Outcome.BRIDGED;
                    case ABANDONED -> CampaignLines.Outcome.ABANDONED;
                };
                Instant answeredAt = l != null && l.answeredAt != null ? l.answeredAt
                        : end.outcome() == BridgedCalls.LineOutcome.MACHINE ? clock.instant() : null;
                lines.ended(c.id(), today, account, kept, answeredAt, who, end.rang(), end.talked(), end.detail());
                contactEvents.remove(id);
            }
        });
        synchronized (placed) {
            call[0] = p.call();
            contactEvents.put(p.call(), p.contactEvent());
            placed.notifyAll();
        }
        run.ringing(p.call(), new CampaignRun.InFlight(account, keep, pacedAs));
        lines.ringing(c.id(), today, account, pacedAs, p.call());
    }

    private final Map<UUID, UUID> contactEvents = new ConcurrentHashMap<>();

    private UUID contactEvent(UUID[] call) {
        return java.util.Objects.requireNonNull(contactEvents.get(call[0]));
    }

    /** The line's call id: set as soon as {@code ring} returns, which a fast answer may beat. */
    private static UUID waitFor(UUID[] call, Object placed) {
        synchronized (placed) {
            while (call[0] == null) {
                try {
                    placed.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return call[0];
        }
    }

    /** Takes the collector kept for the line if still ready, else the team's longest-ready collector no line keeps. */
    private @Nullable String handTo(Campaign c, CampaignRun run, @Nullable String keptFor) {
        if (keptFor != null && agents.claim(keptFor)) {
            return keptFor;
        }
        for (Agents.View v : team(c).stream().filter(v -> v.state() == AgentState.READY)
                .sorted(Comparator.comparing(Agents.View::since)).toList()) {
            if (!run.isKept(v.username()) && agents.claim(v.username())) {
                return v.username();
            }
        }
        return null;
    }

    /** The information message in each language, with the campaign's caller and call-back number. */
    Map<String, String> messages(Campaign c) {
        Map<String, String> out = new LinkedHashMap<>();
        String digits = c.callBack().replaceAll("[^0-9]", "");
        rules.informationMessages().forEach((language, text) -> {
            String number = language.startsWith("zh") ? zhDigits(digits) : String.join(" ", digits.split(""));
            out.put(language, text.replace("{caller}", c.caller()).replace("{callBack}", number));
        });
        return out;
    }

    private static String zhDigits(String digits) {
        StringBuilder b = new StringBuilder();
        for (char ch : digits.toCharArray()) {
            b.append(ZH_DIGITS.charAt(ch - '0'));
        }
        return b.toString();
    }

    private static String key(String username) {
        return TenantContext.require() + "/" + username;
    }

    /** The call last bridged to {@code username} by a campaign, if any. */
    java.util.Optional<Offer> offerTo(String username) {
        return java.util.Optional.ofNullable(offers.get(key(username)));
    }

    private static long count(Map<CampaignLines.Outcome, Long> counts, CampaignLines.Outcome o) {
        return counts.getOrDefault(o, 0L);
    }

    /** A campaign's figures now. */
    View view(Campaign c) {
        Instant now = clock.instant();
        LocalDate today = tenants.businessDate(TenantContext.require());
        CampaignRun run = runs.get(c.id());
        Map<CampaignLines.Outcome, Long> counts = lines.counts(c.id(), today);
        Map<String, Long> counters = new LinkedHashMap<>();
        List<UUID> queue = c.queue() == Campaign.Queue.LIST ? c.accounts() : queues.teamAccounts(c.team(), today);
        long tried = counts.values().stream().mapToLong(Long::longValue).sum();
        long placed = tried - count(counts, CampaignLines.Outcome.REFUSED) - count(counts, CampaignLines.Outcome.RESTING);
        long answered = count(counts, CampaignLines.Outcome.BRIDGED) + count(counts, CampaignLines.Outcome.ABANDONED)
                + count(counts, CampaignLines.Outcome.MACHINE);
        counters.put("queued", (long) queue.size());
        counters.put("remaining", Math.max(0, queue.size() - tried));
        counters.put("placed", placed);
        counters.put("ringing", count(counts, CampaignLines.Outcome.RINGING));
        counters.put("answered", answered);
        counters.put("live", count(counts, CampaignLines.Outcome.BRIDGED) + count(counts, CampaignLines.Outcome.ABANDONED));
        counters.put("bridged", count(counts, CampaignLines.Outcome.BRIDGED));
        counters.put("abandoned", count(counts, CampaignLines.Outcome.ABANDONED));
        counters.put("machines", count(counts, CampaignLines.Outcome.MACHINE));
        counters.put("notAnswered", count(counts, CampaignLines.Outcome.NOT_ANSWERED));
        counters.put("refused", count(counts, CampaignLines.Outcome.REFUSED));
        List<Window> windows = new ArrayList<>();
        List<io.candor.dialer.pacing.AbandonLedger.Window> ws;
        if (run != null) {
            ws = run.windows(now);
        } else {
            io.candor.dialer.pacing.AbandonLedger ledger = new io.candor.dialer.pacing.AbandonLedger(rules);
            for (CampaignLines.Answered a : history(c.id())) {
                if (a.outcome().live() || rules.amdFalsePositivesAreAbandoned()) {
                    ledger.record(a.at(), a.outcome() != CampaignLines.Outcome.BRIDGED);
                }
            }
            ws = ledger.windows(now);
        }
        for (var w : ws) {
            windows.add(new Window(w.limit().id(), w.limit().window(), w.live(), w.abandoned(), w.rate(),
                    w.limit().maxRate(), w.limit().source()));
        }
        Map<AgentState, Integer> floor = new java.util.EnumMap<>(AgentState.class);
        for (AgentState s : AgentState.values()) {
            floor.put(s, 0);
        }
        team(c).forEach(v -> floor.merge(v.state(), 1, Integer::sum));
        Pacer.Decision last = run == null ? null : run.last();
        DialingMode pacedAs = last == null ? c.mode() : last.pacedAs();
        return new View(c, pacedAs, last == null ? null : last.why().name(), counters,
                placed - count(counts, CampaignLines.Outcome.RINGING) == 0 ? 0
                        : (double) answered / (placed - count(counts, CampaignLines.Outcome.RINGING)),
                windows, floor, run == null ? null : run.problem());
    }
}
