package io.candor.dialer.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import io.candor.dialer.DialingMode;
import io.candor.dialer.pacing.AbandonLedger;
import io.candor.dialer.pacing.AbandonRules;
import io.candor.dialer.pacing.Floor;
import io.candor.dialer.pacing.Pacer;
import org.jspecify.annotations.Nullable;

/**
 * A call floor in simulated time, paced by the real {@link Pacer}: collectors signed in for the whole run, each dial
 * answered (by a person or a machine) or not as the seeded population says, answered calls handed to a ready
 * collector — the one the line was kept for, in progressive mode — or, with nobody free within the connect limit,
 * abandoned with the information message. Every second the pacer is asked how many lines to ring.
 */
public final class FloorSimulation {

    /** Who is called: how often a dial is answered, by what, how long it rings, and how long calls take. */
    public record Population(double answerRate, double machineShare, double meanRingToAnswerSeconds,
                             double ringTimeoutSeconds, double talkSeconds, double wrapSeconds,
                             double machineTalkSeconds) {

        public Population {
            if (answerRate <= 0 || answerRate > 1) {
                throw new IllegalArgumentException("--answer-rate is a share of dials answered: more than 0, at most 1");
            }
            if (machineShare < 0 || machineShare >= 1) {
                throw new IllegalArgumentException("--machine-share is a share of answers: 0 or more, less than 1");
            }
            if (talkSeconds <= 0 || wrapSeconds < 0) {
                throw new IllegalArgumentException("--talk-seconds must be positive and --wrap-seconds 0 or more");
            }
        }

        public static Population of(double answerRate, double talkSeconds, double wrapSeconds) {
            return new Population(answerRate, 0.1, 8, 25, talkSeconds, wrapSeconds, 12);
        }
    }

    /**
     * The floor: how many collectors, for how long, the seed, and the answering-machine detector (off, or on with its
     * share of machines caught and of people mistaken for machines).
     */
    public record Setup(int agents, double hours, long seed, boolean amd, double amdCatches, double amdMistakes) {

        public Setup {
            if (agents < 1) {
                throw new IllegalArgumentException("--agents must be at least 1");
            }
            if (hours <= 0 || hours > 24 * 31) {
                throw new IllegalArgumentException("--hours must be more than 0 and at most 744");
            }
        }
    }

    /** What the run measured (occupancy = talk time ÷ signed-in time; abandon rate = abandoned ÷ live calls). */
    public record Result(double occupancy, double abandonRate, double maxAbandonRate24h, long callsPlaced,
                         long liveCalls, long abandoned) {
    }

    private static final Instant START = Instant.parse("2026-01-05T01:00:00Z"); // 09:00 in Shanghai, a Monday

    private enum State { READY, KEPT, TALKING, WRAPPING }

    private static final class Agent {
        State state = State.READY;
        double since;
    }

    private record Event(double at, long order, Runnable action) {
    }

    private final DialingMode mode;
    private final Population people;
    private final Setup setup;
    private final AbandonRules rules;
    private final SplittableRandom random;
    private final Pacer pacer;
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at() != b.at()
            ? Double.compare(a.at(), b.at()) : Long.compare(a.order(), b.order()));
    private final List<Agent> agents = new ArrayList<>();
    private final Deque<double[]> waiting = new ArrayDeque<>(); // answered calls: {answeredAt, isMachine, id}
    private long order;
    private double now;
    private final java.util.Set<Object> unkeptRinging = new java.util.HashSet<>(); // the lines nobody is kept for
    private long placed;
    private long live;
    private long abandoned;
    private double talkTotal;
    private double maxRate24h;
    private long nextWaitingId;

    private FloorSimulation(DialingMode mode, Population people, Setup setup, AbandonRules rules) {
        this.mode = mode;
        this.people = people;
        this.setup = setup;
        this.rules = rules;
        this.random = new SplittableRandom(setup.seed());
        this.pacer = new Pacer(mode, rules, ZoneOffset.ofHours(8));
        for (int i = 0; i < setup.agents(); i++) {
            agents.add(new Agent());
        }
    }

    /** Runs one floor in {@code mode} and measures it. */
    public static Result run(DialingMode mode, Population people, Setup setup, AbandonRules rules) {
        if (mode == DialingMode.PREVIEW) {
            throw new IllegalArgumentException("preview campaigns are dialled by collectors, not paced");
        }
        return new FloorSimulation(mode, people, setup, rules).run();
    }

    private Result run() {
        double end = setup.hours() * 3600;
        for (double t = 0; t < end; t += 1) {
            double tick = t;
            schedule(tick, this::pace);
        }
        while (!events.isEmpty() && events.peek().at() <= end) {
            Event e = events.poll();
            now = e.at();
            e.action().run();
        }
        // talk still going at the end counts up to the end
        return new Result(talkTotal / (setup.agents() * end), live == 0 ? 0 : (double) abandoned / live,
                maxRate24h, placed, live, abandoned);
    }

    private void schedule(double at, Runnable action) {
        events.add(new Event(at, order++, action));
    }

    private Instant instant() {
        return START.plusMillis(Math.round(now * 1000));
    }

    private void pace() {
        List<Double> wrapping = new ArrayList<>();
        List<Double> talking = new ArrayList<>();
        int ready = 0;
        for (Agent a : agents) {
            switch (a.state) {
                case READY -> ready++;
                case WRAPPING -> wrapping.add(now - a.since);
                case TALKING -> talking.add(now - a.since);
                case KEPT -> { }
            }
        }
        // kept lines ring for their collector; the pacer counts the lines nobody is kept for
        Pacer.Decision d = pacer.decide(new Floor(ready, wrapping, talking, unkeptRinging.size(), waiting.size()),
                instant());
        for (int i = 0; i < d.lines(); i++) {
            Agent kept = null;
            if (d.pacedAs() == DialingMode.PROGRESSIVE) {
                kept = firstReady();
                if (kept == null) {
                    break;
                }
                kept.state = State.KEPT;
                kept.since = now;
            }
            dial(kept);
        }
    }

    private @Nullable Agent firstReady() {
        for (Agent a : agents) {
            if (a.state == State.READY) {
                return a;
            }
        }
        return null;
    }

    private void dial(@Nullable Agent kept) {
        placed++;
        Object line = new Object();
        if (kept == null) {
            unkeptRinging.add(line);
        }
        boolean answers = random.nextDouble() < people.answerRate();
        double timeout = Math.max(people.ringTimeoutSeconds(), rules.minRing().toSeconds());
        if (answers) {
            double rang = Math.min(timeout - 0.5, Math.max(1.5, lognormal(people.meanRingToAnswerSeconds(), 0.6)));
            boolean machine = random.nextDouble() < people.machineShare();
            schedule(now + rang, () -> {
                unkeptRinging.remove(line);
                answered(rang, machine, kept);
            });
        } else {
            // some numbers are busy or unreachable at once; the rest ring out
            double rang = random.nextDouble() < 0.15 ? 2 + random.nextDouble() * 3 : timeout;
            schedule(now + rang, () -> {
                unkeptRinging.remove(line);
                pacer.notAnswered(Duration.ofMillis(Math.round(rang * 1000)));
                if (kept != null) {
                    ready(kept);
                }
            });
        }
    }

    private void answered(double rang, boolean machine, @Nullable Agent kept) {
        pacer.answered(Duration.ofMillis(Math.round(rang * 1000)));
        if (setup.amd() && pacer.mayDetectMachines(instant(), unkeptRinging.size() + waiting.size())) {
            if (machine && random.nextDouble() < setup.amdCatches()) {
                if (kept != null) {
                    ready(kept); // a machine: hung up, nobody counted
                }
                return;
            }
            if (!machine && random.nextDouble() < setup.amdMistakes()) {
                if (rules.amdFalsePositivesAreAbandoned()) {
                    countLive(true);
                }
                if (kept != null) {
                    ready(kept);
                }
                return;
            }
        }
        Agent a = kept != null ? kept : firstReady();
        if (a != null) {
            connect(a, machine);
            return;
        }
        double[] call = {now, machine ? 1 : 0, nextWaitingId++};
        waiting.addLast(call);
        schedule(now + rules.connectWithin().toMillis() / 1000.0, () -> {
            if (waiting.remove(call)) {
                countLive(true); // the information message plays; nobody was free
            }
        });
    }

    private void connect(Agent a, boolean machine) {
        countLive(false);
        a.state = State.TALKING;
        a.since = now;
        double talk = machine ? lognormal(people.machineTalkSeconds(), 0.3) : lognormal(people.talkSeconds(), 0.5);
        double end = setup.hours() * 3600;
        talkTotal += Math.min(talk, end - now);
        schedule(now + talk, () -> {
            pacer.talked(Duration.ofMillis(Math.round(talk * 1000)));
            a.state = State.WRAPPING;
            a.since = now;
            double wrap = people.wrapSeconds() == 0 ? 0
                    
                    : Math.min(3 * people.wrapSeconds(), lognormal(people.wrapSeconds(), 0.5));
            schedule(now + wrap, () -> {
                pacer.wrapped(Duration.ofMillis(Math.round(wrap * 1000)));
                ready(a);
            });
        });
    }

    private void ready(Agent a) {
        a.state = State.READY;
        a.since = now;
        double[] call = waiting.pollFirst();
        if (call != null) {
            connect(a, call[1] == 1);
        }
    }

    private void countLive(boolean wasAbandoned) {
        live++;
        if (wasAbandoned) {
            abandoned++;
        }
        pacer.live(instant(), wasAbandoned);
        for (AbandonLedger.Window w : pacer.ledger().windows(instant())) {
            if (w.limit().window().compareTo(Duration.ofHours(24)) == 0) {
                maxRate24h = Math.max(maxRate24h, w.rate());
            }
        }
    }

    /** A lognormal draw with the given mean and coefficient of variation. */
    private double lognormal(double mean, double cv) {
        double sigma2 = Math.log(1 + cv * cv);
        double mu = Math.log(mean) - sigma2 / 2;
        return Math.exp(mu + Math.sqrt(sigma2) * gaussian());
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
