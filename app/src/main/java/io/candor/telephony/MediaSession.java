package io.candor.telephony;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.candor.telephony.media.G711;
import io.candor.telephony.media.KeyPresses;
import io.candor.telephony.media.KeyToneMask;
import io.candor.telephony.media.PlayoutBuffer;
import io.candor.telephony.media.ReceptionStats;
import io.candor.telephony.media.RtpPacket;
import io.candor.telephony.media.Sdp;
import io.candor.telephony.media.TelephoneEvent;
import io.candor.telephony.media.ToneDetector;
import org.jspecify.annotations.Nullable;

/**
 * The audio of one call: RTP out every 20 ms on the {@link MediaClock} (the prompt being played, or silence; keys as
 * RFC 4733 events), RTP in on its own thread into the jitter buffer, keys from telephone-events and from in-band
 * tones, symmetric RTP (it answers to where the far end's packets really come from), RTCP sender reports with the
 * reception figures, and both directions to the recorder — off the clock's thread.
 */
final class MediaSession implements MediaClock.Ticking, AutoCloseable {

    static final int FRAME = 160; // 20 ms at 8 kHz
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MediaSession.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Hears what the far end does: keys pressed and each 20 ms of their audio. */
    interface Listener {
        void key(char key, boolean inBand);

        default void heard(short[] frame) {
        }
    }

    /** The figures of a call's media, for the call record (jitter in ms, round trip in ms or -1). */
    record Quality(String codec, long packetsSent, long packetsReceived, long packetsLost, long packetsLate,
                   long duplicates, double jitterMs, double roundTripMs) {
    }

    private final DatagramSocket rtp;
    private final DatagramSocket rtcp;
    private final MediaClock clock;
    private static final short[] SILENCE = new short[FRAME];
    private final @Nullable CallRecorder recorder;
    private final Listener listener;
    private final long ssrc = RANDOM.nextInt() & 0xFFFF_FFFFL;
    private final PlayoutBuffer playout = new PlayoutBuffer(480);
    private final ReceptionStats stats = new ReceptionStats();
    private final KeyPresses keys = new KeyPresses();
    private final ToneDetector tones = new ToneDetector();
    private final KeyToneMask keyTones = new KeyToneMask();
    private final ArrayDeque<short[]> prompt = new ArrayDeque<>();
    private final ArrayDeque<byte[]> events = new ArrayDeque<>();
    private final BlockingQueue<short[][]> toRecord = new ArrayBlockingQueue<>(500);
    private final Thread receiver;
    private final Thread writer;
    private final long startNanos = System.nanoTime();
    private volatile @Nullable SocketAddress remote;
    private volatile @Nullable SocketAddress remoteControl;
    private volatile G711 codec = G711.PCMA;
    private volatile int eventType = -1;
    private volatile boolean sensitive;
    private volatile boolean closed;
    private int sequence = RANDOM.nextInt(0x10000);
    private long timestamp = RANDOM.nextInt() & 0xFFFF_FFFFL;
    private long sent;
    private long octets;
    private int ticks;
    private boolean talking;
    private long eventStart;
    private volatile long lastSrNtp;
    private volatile long lastSrNanos;
    private volatile double roundTripMs = -1;

    /** What this leg heard in its last tick: what a leg bridged to it sends on. */
    private volatile short[] lastHeard = SILENCE;
    private volatile java.util.List<MediaSession> hears = java.util.List.of();

    /**
     * Opens the RTP socket (an even port, RTCP on the next) on {@code host}; media starts with {@link #start}. A leg
     * that is not recorded (the collector's, in a bridged call: the debtor's leg records both sides) has no recorder.
     */
    MediaSession(String host, MediaClock clock, @Nullable CallRecorder recorder, Listener listener) throws IOException {
        this.clock = clock;
        this.recorder = recorder;
        this.listener = listener;
        DatagramSocket[] pair = evenPair(host);
        this.rtp = pair[0];
        this.rtcp = pair[1];
        this.receiver = Thread.ofVirtual().name("rtp-in").unstarted(this::receive);
        this.writer = Thread.ofVirtual().name("recording").unstarted(this::record);
    }

    int localPort() {
        return rtp.getLocalPort();
    }

    /** Starts sending to what the far end answered, and listening. */
    void start(Sdp.Answer answer) {
        this.remote = answer.media();
        this.remoteControl = new InetSocketAddress(answer.media().getAddress(), answer.media().getPort() + 1);
        this.codec = answer.codec();
        this.eventType = answer.eventType();
        receiver.start();
        writer.start();
        Thread.ofVirtual().name("rtcp-in").start(this::receiveControl);
        clock.add(this);
    }

    /** Queues audio (16-bit, 8 kHz) to play after what is queued. */
    synchronized void play(short[] pcm) {
        for (int i = 0; i < pcm.length; i += FRAME) {
            short[] f = new short[FRAME];
            System.arraycopy(pcm, i, f, 0, Math.min(FRAME, pcm.length - i));
            prompt.add(f);
        }
    }

    /** Stops the prompt at once (barge-in). */
    synchronized void stopPlaying() {
        prompt.clear();
    }

    synchronized boolean playing() {
        return !prompt.isEmpty();
    }

    /** Sends a key as an RFC 4733 event (100 ms, then its three end packets), if the far end takes events. */
    synchronized void sendKey(char key) {
        if (eventType < 0) {
            return;
        }
        int event = TelephoneEvent.eventOf(key);
        for (int d = FRAME; d <= 800; d += FRAME) {
            events.add(new TelephoneEvent(event, false, 10, d).encode());
        }
        for (int i = 0; i < 3; i++) {
            events.add(new TelephoneEvent(event, true, 10, 800).encode());
        }
    }

    /**
     * Sends on what {@code others} hear, mixed, whenever no prompt is playing here: two legs bridged to each other
     * carry each other's sound (one tick, 20 ms, apart at most); a listening supervisor's leg hears both; none is
     * silence (hold).
     */
    void hear(MediaSession... others) {
        this.hears = java.util.List.of(others);
    }

    /** The mix of what each of {@code legs} heard last: summed, clipped to 16 bits. */
    private static short[] mix(java.util.List<MediaSession> legs) {
        if (legs.size() == 1) {
            return legs.getFirst().lastHeard;
        }
        short[] out = new short[FRAME];
        for (int i = 0; i < FRAME; i++) {
            int sum = 0;
            for (MediaSession leg : legs) {
                sum += leg.lastHeard[i];
            }
            out[i] = (short) Math.clamp(sum, Short.MIN_VALUE, Short.MAX_VALUE);
        }
        return out;
    }

    /** While set, both channels are recorded as silence (digits keyed for an identity check). */
    void sensitive(boolean on) {
        this.sensitive = on;
    }

    @Override
    public void tick() {
        SocketAddress to = remote;
        if (closed || to == null) {
            return;
        }
        short[] out;
        byte[] payload;
        int pt;
        boolean marker = false;
        synchronized (this) {
            byte[] event = events.poll();
            short[] next = event == null ? prompt.poll() : null;
            java.util.List<MediaSession> sources = hears;
            // read only, here and by the recording
            out = next != null ? next : !sources.isEmpty() ? mix(sources) : SILENCE;
            if (event != null) {
                if (event[1] >= 0 && (event[2] << 8 | event[3] & 0xFF) == FRAME) {
                    eventStart = timestamp; // the first packet of a press: its timestamp stays for all of them
                    marker = true;
                }
                payload = event;
                pt = eventType;
            } else {
                payload = codec.encode(out, 0, FRAME);
                pt = codec.payloadType();
                boolean sound = next != null || !sources.isEmpty();
                marker = sound && !talking;
                talking = sound;
            }
        }
        long ts = pt == eventType ? eventStart : timestamp;
        byte[] packet = new RtpPacket(pt, marker, sequence, ts, ssrc, payload).encode();
        sequence = (sequence + 1) & 0xFFFF;
        timestamp += FRAME; // the media clock runs on during an event too
        try {
            rtp.send(new DatagramPacket(packet, packet.length, to));
            sent++;
            octets += payload.length;
        } catch (IOException e) {
            // a lost send is a lost packet; the far end's reports show it
        }
        short[] in = new short[FRAME];
        playout.take(in, FRAME);
        lastHeard = in;
        if (!toRecord.offer(new short[][] {in, out})) {
            toRecord.poll(); // the writer fell behind: never block the clock
            toRecord.offer(new short[][] {in, out});
        }
        if (++ticks % 250 == 0) {
            sendReport();
        }
    }

    private void record() {
        try {
            while (!closed || !toRecord.isEmpty()) {
                short[][] f = toRecord.poll(100, TimeUnit.MILLISECONDS);
                if (f == null) {
                    continue;
                }
                if (recorder != null) {
                    write(keyTones.push(f[0], f[1], sensitive));
                }
                String found = tones.accept(f[0], 0, FRAME);
                for (char k : found.toCharArray()) {
                    listener.key(k, true);
                }
                listener.heard(f[0]);
            }
            if (recorder != null) {
                write(keyTones.flush());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Into the record: frames with keypad tones, and every frame while the call was sensitive, as silence. */
    private void write(java.util.List<KeyToneMask.Frame> frames) {
        for (KeyToneMask.Frame f : frames) {
            try {
                java.util.Objects.requireNonNull(recorder).write(f.debtor(), f.candor(), FRAME, f.masked());
            } catch (RuntimeException e) {
                // the chunk is on disk; only its record failed: keep recording, the call's end tells
                log.warn("A recording chunk could not be recorded: {}", e.getMessage());
            }
        }
    }

    private void receive() {
        byte[] buffer = new byte[2048];
        short[] pcm = new short[1024];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                rtp.receive(p);
            } catch (IOException e) {
                return;
            }
            Optional<RtpPacket> decoded = RtpPacket.decode(p.getData(), p.getLength());
            if (decoded.isEmpty()) {
                continue;
            }
            RtpPacket packet = decoded.get();
            remote = p.getSocketAddress(); // symmetric RTP: answer to where the packets come from
            long arrival = (System.nanoTime() - startNanos) * 8 / 1_000_000;
            stats.accept(packet.sequence(), packet.timestamp(), arrival);
            if (packet.payloadType() == eventType && eventType >= 0) {
                TelephoneEvent.decode(packet.payload()).ifPresent(e -> {
                    for (char k : keys.accept(packet.timestamp(), e).toCharArray()) {
                        listener.key(k, false);
                    }
                });
                continue;
            }
            Optional<G711> c = G711.ofPayloadType(packet.payloadType());
            if (c.isEmpty()) {
                continue; // comfort noise and codecs not negotiated
            }
            int n = Math.min(packet.payload().length, pcm.length);
            c.get().decode(packet.payload(), 0, n, pcm, 0);
            playout.put(packet.timestamp(), pcm, n);
        }
    }

    /** An RTCP sender report with one reception report block, every five seconds. */
    private void sendReport() {
        SocketAddress to = remoteControl;
        if (to == null) {
            return;
        }
        ReceptionStats.Report r = stats.report();
        long ntp = ntpNow();
        byte[] b = new byte[52];
        b[0] = (byte) 0x81; // version 2, one report block
        b[1] = (byte) 200;
        b[3] = 12; // length in 32-bit words minus one
        RtpPacket.putInt(b, 4, ssrc);
        RtpPacket.putInt(b, 8, ntp >>> 32);
        RtpPacket.putInt(b, 12, ntp);
        RtpPacket.putInt(b, 16, timestamp);
        RtpPacket.putInt(b, 20, sent);
        RtpPacket.putInt(b, 24, octets);
        RtpPacket.putInt(b, 28, 0); // the far end's SSRC is not tracked; the block still carries our reception figures
        int fraction = (int) Math.min(255, Math.round(r.lossFraction() * 256));
        RtpPacket.putInt(b, 32, ((long) fraction << 24) | Math.min(0xFFFFFF, r.lost()));
        RtpPacket.putInt(b, 36, r.expected());
        RtpPacket.putInt(b, 40, (long) r.jitter());
        long lsr = lastSrNtp;
        RtpPacket.putInt(b, 44, lsr);
        RtpPacket.putInt(b, 48, lsr == 0 ? 0 : (System.nanoTime() - lastSrNanos) * 65536 / 1_000_000_000L);
        try {
            rtcp.send(new DatagramPacket(b, b.length, to));
        } catch (IOException e) {
            // reports are best effort
        }
    }

    private void receiveControl() {
        byte[] buffer = new byte[1500];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                rtcp.receive(p);
            } catch (IOException e) {
                return;
            }
            remoteControl = p.getSocketAddress();
            readControl(p.getData(), p.getLength());
        }
    }

    /** Keeps the far end's last sender-report time, and the round trip from a report block about our stream. */
    private void readControl(byte[] b, int len) {
        int at = 0;
        while (at + 8 <= len) {
            int type = b[at + 1] & 0xFF;
            int count = b[at] & 0x1F;
            int words = ((b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF)) + 1;
            int blocks = at + 8;
            if (type == 200 && at + 28 <= len) {
                lastSrNtp = middle(b, at + 8);
                lastSrNanos = System.nanoTime();
                blocks = at + 28;
            }
            if (type == 200 || type == 201) {
                for (int i = 0; i < count && blocks + 24 <= len; i++, blocks += 24) {
                    long about = RtpPacket.getInt(b, blocks);
                    long lsr = RtpPacket.getInt(b, blocks + 16);
                    long dlsr = RtpPacket.getInt(b, blocks + 20);
                    if (about == ssrc && lsr != 0) {
                        long rtt = ((ntpNow() >>> 16) & 0xFFFF_FFFFL) - lsr - dlsr;
                        roundTripMs = Math.max(0, rtt * 1000.0 / 65536);
                    }
                }
            }
            at += words * 4;
        }
    }

    Quality quality() {
        ReceptionStats.Report r = stats.report();
        return new Quality(codec.encodingName(), sent, r.received(), r.lost(), playout.late(), r.duplicates(),
                r.jitter() / 8.0, roundTripMs);
    }

    /** Stops the media and waits for the recording to take in every frame already played. */
    @Override
    public void close() {
        clock.remove(this);
        closed = true;
        rtp.close();
        rtcp.close();
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (char k : keys.flush().toCharArray()) {
            listener.key(k, false);
        }
    }

    private static long middle(byte[] b, int at) {
        return ((RtpPacket.getInt(b, at) & 0xFFFF) << 16) | (RtpPacket.getInt(b, at + 4) >>> 16);
    }

    private static long ntpNow() {
        long millis = System.currentTimeMillis() + 2_208_988_800_000L;
        long seconds = millis / 1000;
        long fraction = (millis % 1000) * 0x1_0000_0000L / 1000;
        return seconds << 32 | fraction;
    }

    private static DatagramSocket[] evenPair(String host) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            DatagramSocket first = new DatagramSocket(new InetSocketAddress(host, 0));
            int port = first.getLocalPort();
            if (port % 2 != 0 || port > 65534) {
                first.close();
                continue;
            }
            try {
                return new DatagramSocket[] {first, new DatagramSocket(new InetSocketAddress(host, port + 1))};
            } catch (SocketException e) {
                first.close();
            }
        }
        throw new IOException("no free pair of UDP ports for RTP and RTCP on " + host);
    }
}
