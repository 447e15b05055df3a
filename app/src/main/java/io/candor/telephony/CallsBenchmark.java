package io.candor.telephony;

import io.candor.platform.CommandOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.candor.telephony.media.G711;
import io.candor.telephony.media.RtpPacket;
import io.candor.telephony.media.SendLateness;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code candor bench calls [--calls 100] [--seconds 20] [--bridged]}: N concurrent calls against SIPp on loopback (its
 * {@code uas} scenario echoing the media back), each with Candor's whole media path — RTP out on the one media
 * clock, RTP in through the jitter buffer and G.711 decoding, RTCP, key detection, and the two-channel recording
 * written and hashed in chunks. Measured over the steady state: how late packets leave against their 20 ms slots
 * (p50, p99, the share more than 10 ms late), packets lost on the echoed streams, and CPU per call. The baseline in
 * the same run: the same number of RTP streams sent by bare senders on the same clock, with no decoding, recording or
 * dialogue. Targets: p99 send jitter under 5 ms and under 0.5 % late at 100 calls on 2 cores. With {@code --bridged}
 * each call is a dialer's bridged call instead: a debtor's leg (recorded, both sides) and a collector's leg, each to
 * SIPp, the sound of each carried to the other as a back-to-back user agent does; the baseline then sends two
 * streams a call, and CPU is per bridged call.
 */
public final class CallsBenchmark {

    private static final double LATE_MS = 10;

    private CallsBenchmark() {
    }

    /** The measured window's figures. */
    private record Figures(long packets, double p50Ms, double p99Ms, double maxMs, long late, double cpuPerCall) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("packets", packets);
            m.put("sendLatenessP50Ms", p50Ms);
            m.put("sendLatenessP99Ms", p99Ms);
            m.put("sendLatenessMaxMs", maxMs);
            m.put("latePackets", late);
            m.put("latePercent", packets == 0 ? 0 : Math.round(late * 10000.0 / packets) / 100.0);
            m.put("cpuPercentOfOneCorePerCall", Math.round(cpuPerCall * 1000) / 1000.0);
            return m;
        }
    }

    public static int run(List<String> args, Class<?> application) throws Exception {
        int calls = Integer.parseInt(CommandOptions.value(args, "--calls", "100"));
        int seconds = Integer.parseInt(CommandOptions.value(args, "--seconds", "20"));
        boolean bridged = args.contains("--bridged");
        int streams = bridged ? 2 * calls : calls;
        if (!Files.isExecutable(Path.of("/usr/bin/sipp"))) {
            System.err.println("bench calls needs SIPp: apt-get install sip-tester");
            return 2;
        }
        Path dir = Files.createTempDirectory("candor-bench-calls");
        int sipPort = freePort();
        int mediaPort = freePort();
        Process sipp = new ProcessBuilder("/usr/bin/sipp", "-sn", "uas", "-i", "127.0.0.1", "-p",
                Integer.toString(sipPort), "-mi", "127.0.0.1", "-mp", Integer.toString(mediaPort), "-rtp_echo",
                "-nostdin", "-max_socket", "2048").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile()).start();
        MediaClock clock = new MediaClock();
        try {
            Thread.sleep(500);
            System.err.printf("bench calls: %d calls for %d s against SIPp on 127.0.0.1:%d, %d cores%n", calls,
                    seconds, sipPort, Runtime.getRuntime().availableProcessors());
            Figures baseline = bareSenders(clock, streams, calls, seconds, mediaPort);
            Map<String, Object> candor = bridged ? bridgedCalls(clock, calls, seconds, sipPort, dir)
                    : candorCalls(clock, calls, seconds, sipPort, dir);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("calls", calls);
            out.put("bridged", bridged);
            out.put("rtpStreams", streams);
            out.put("seconds", seconds);
            out.put("cores", Runtime.getRuntime().availableProcessors());
            out.put("java", Runtime.version().toString());
            out.put("garbageCollectors", ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
            out.put("lateMeansMoreThanMs", LATE_MS);
            out.put("candor", candor);
            out.put("baselineBareSenders", baseline.json());
            double p99 = ((Number) candor.getOrDefault("sendLatenessP99Ms", 0)).doubleValue();
            out.put("p99RatioToBaseline", baseline.p99Ms() == 0 ? null : Math.round(p99 / baseline.p99Ms() * 100) / 100.0);
            double latePercent = ((Number) candor.getOrDefault("latePercent", 0)).doubleValue();
            out.put("target", Map.of("p99SendJitterMs", 5, "latePercent", 0.5, "met", p99 < 5 && latePercent < 0.5));
            System.out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(out));
            return 0;
        } finally {
            clock.destroy();
            sipp.destroy();
            sipp.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * The baseline: {@code n} bare RTP senders on the same clock — a ready packet, a new sequence number, a send; CPU
     * counted per call of {@code calls}.
     */
    private static Figures bareSenders(MediaClock clock, int n, int calls, int seconds, int mediaPort)
            throws Exception {
        List<BareSender> senders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            senders.add(new BareSender(new InetSocketAddress("127.0.0.1", mediaPort), i));
        }
        senders.forEach(clock::add);
        Thread.sleep(1000);
        Figures f = measure(clock, seconds, calls);
        senders.forEach(clock::remove);
        senders.forEach(BareSender::close);
        return f;
    }

    /** The send lateness and CPU per stream over the next {@code seconds}. */
    private static Figures measure(MediaClock clock, int seconds, int streams) throws InterruptedException {
        clock.measureFromNow();
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        SendLateness l = clock.lateness();
        double cores = (cpu() - cpu0) / (double) (System.nanoTime() - t0);
        return new Figures(l.count(), l.quantileMs(0.5), l.quantileMs(0.99), l.quantileMs(1.0),
                l.laterThan(LATE_MS), cores * 100 / Math.max(1, streams));
    }

    /** Candor's calls: signalled, answered, media both ways, recorded; measured once all are up. */
    private static Map<String, Object> candorCalls(MediaClock clock, int n, int seconds, int sipPort, Path dir)
            throws Exception {
        short[] prompt = speechLike(5);
        CountDownLatch up = new CountDownLatch(n);
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger answered = new AtomicInteger();
        AtomicLong chunks = new AtomicLong();
        List<MediaSession> sessions = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int call = i;
            threads.add(Thread.ofVirtual().start(() -> {
                CallRecorder recorder = new CallRecorder(dir.resolve("call-" + call + ".pcm"),
                        chunk -> chunks.incrementAndGet());
                MediaSession[] session = new MediaSession[1];
                SipCall.place(new SipCall.Target("127.0.0.1", sipPort, "bench" + call, "candor"),
                        Duration.ofSeconds(10), host -> {
                            try {
                                session[0] = new MediaSession(host, clock, recorder, (key, inBand) -> { });
                                sessions.add(session[0]);
                                return new SessionMedia(session[0], () -> { });
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }, answeredCall -> {
                            answered.incrementAndGet();
                            up.countDown();
                            while (!stop.await(0, TimeUnit.MILLISECONDS) && !answeredCall.hungUp()) {
                                if (!session[0].playing()) {
                                    session[0].play(prompt); // the agent talks all the time: the heaviest case
                                }
                                Thread.sleep(100);
                            }
                        }, Clock.systemUTC());
                recorder.finish();
            }));
            Thread.sleep(20); // calls set up over a few seconds, as a dialler would
        }
        if (!up.await(30, TimeUnit.SECONDS)) {
            System.err.printf("bench calls: only %d of %d calls were answered%n", answered.get(), n);
        }
        return steadyState(clock, seconds, "answered", answered.get(), sessions, stop, threads, chunks);
    }

    /**
     * Once the calls are up: the send lateness and CPU over {@code seconds}, then the packets the sessions received
     * and lost; the calls are then let go and waited for.
     */
    private static Map<String, Object> steadyState(MediaClock clock, int seconds, String upName, int up,
            List<MediaSession> sessions, CountDownLatch stop, List<Thread> threads, AtomicLong chunks)
            throws InterruptedException {
        Thread.sleep(1000);
        Figures f = measure(clock, seconds, up);
        long lost = 0;
        long received = 0;
        for (MediaSession s : sessions) {
            MediaSession.Quality q = s.quality();
            lost += q.packetsLost();
            received += q.packetsReceived();
        }
        stop.countDown();
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(30));
        }
        Map<String, Object> m = f.json();
        m.put(upName, up);
        m.put("packetsReceived", received);
        m.put("packetsLost", lost);
        m.put("lostPercent", received + lost == 0 ? 0 : Math.round(lost * 10000.0 / (received + lost)) / 100.0);
        m.put("recordingChunks", chunks.get());
        return m;
    }

    /**
     * Bridged calls: for each, a debtor's leg placed and answered, then a collector's, the two legs hearing each
     * other (the debtor's recorded with both sides), as {@link BridgedCalls} bridges them; measured once all are up.
     * CPU is per bridged call (two legs).
     */
    private static Map<String, Object> bridgedCalls(MediaClock clock, int n, int seconds, int sipPort, Path dir)
            throws Exception {
        CountDownLatch up = new CountDownLatch(n);
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger bridged = new AtomicInteger();
        AtomicLong chunks = new AtomicLong();
        List<MediaSession> sessions = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        short[] speech = speechLike(5);
        for (int i = 0; i < n; i++) {
            int call = i;
            threads.add(Thread.ofVirtual().start(() -> {
                CallRecorder recorder = new CallRecorder(dir.resolve("bridged-" + call + ".pcm"),
                        chunk -> chunks.incrementAndGet());
                MediaSession[] legs = new MediaSession[2]; // collector, debtor
                SipCall.place(new SipCall.Target("127.0.0.1", sipPort, "debtor" + call, "candor"),
                        Duration.ofSeconds(10), leg(clock, recorder, legs, 1, sessions), debtorCall -> {
                            SipCall.place(new SipCall.Target("127.0.0.1", sipPort, "collector" + call, "candor"),
                                    Duration.ofSeconds(10), leg(clock, null, legs, 0, sessions), collectorCall -> {
                                        legs[1].hear(legs[0]);
                                        legs[0].hear(legs[1]);
                                        legs[1].play(speech); // a voice going round the bridge from the start
                                        bridged.incrementAndGet();
                                        up.countDown();
                                        while (!stop.await(100, TimeUnit.MILLISECONDS) && !collectorCall.hungUp()
                                                && !debtorCall.hungUp()) {
                                            Thread.onSpinWait();
                                        }
                                    }, Clock.systemUTC());
                        }, Clock.systemUTC());
                recorder.finish();
            }));
            Thread.sleep(40); // two call set-ups each
        }
        if (!up.await(40, TimeUnit.SECONDS)) {
            System.err.printf("bench calls: only %d of %d calls were bridged%n", bridged.get(), n);
        }
        return steadyState(clock, seconds, "bridged", bridged.get(), sessions, stop, threads, chunks);
    }

    private static java.util.function.Function<String, SipCall.Media> leg(MediaClock clock,
            @org.jspecify.annotations.Nullable CallRecorder recorder, MediaSession[] legs, int index,
            List<MediaSession> sessions) {
        return host -> {
            try {
                legs[index] = new MediaSession(host, clock, recorder, (key, inBand) -> { });
                sessions.add(legs[index]);
                return new SessionMedia(legs[index], () -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Five seconds of a voiced, syllable-paced signal: what a prompt costs to encode and record. */
    static short[] speechLike(int secondsLong) {
        short[] s = new short[8000 * secondsLong];
        for (int i = 0; i < s.length; i++) {
            double t = i / 8000.0;
            double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t);
            double voice = Math.sin(2 * Math.PI * 180 * t) + 0.5 * Math.sin(2 * Math.PI * 360 * t)
                    + 0.25 * Math.sin(2 * Math.PI * 720 * t);
            s[i] = (short) (6000 * envelope * voice);
        }
        return s;
    }

    /** A bare RTP sender: one socket, one ready payload, a header rewritten each tick. */
    private static final class BareSender implements MediaClock.Ticking {
        private final DatagramSocket socket;
        private final InetSocketAddress to;
        private final byte[] payload;
        private final int ssrc;
        private int sequence;
        private long timestamp;

        BareSender(InetSocketAddress to, int i) throws IOException {
            this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            this.to = to;
            short[] frame = new short[160];
            this.payload = G711.PCMU.encode(frame, 0, 160);
            this.ssrc = 0x10000 + i;
        }

        @Override
        public void tick() {
            byte[] packet = new RtpPacket(0, false, sequence, timestamp, ssrc, payload).encode();
            sequence = (sequence + 1) & 0xFFFF;
            timestamp += 160;
            try {
                socket.send(new DatagramPacket(packet, packet.length, to));
            } catch (IOException e) {
                // counted by the far end, not here
            }
        }

        void close() {
            socket.close();
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }
}
