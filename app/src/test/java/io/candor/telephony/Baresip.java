package io.candor.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.candor.telephony.media.Wav;

/**
 * baresip (Debian's {@code baresip-core}) as a debtor's phone on loopback: it answers calls to {@code number} at
 * once, plays a WAV into the call ({@code aufile}), records what it hears ({@code sndfile}'s decode dump) and keys
 * digits as RFC 4733 events when told to over its {@code ctrl_tcp} control socket. As a collector's softphone it
 * registers its extension with a registrar instead ({@link #registered}).
 */
public final class Baresip implements AutoCloseable {

    public final int port;
    private final int control;
    private final Path dir;
    private final Process process;

    private Baresip(int port, int control, Path dir, Process process) {
        this.port = port;
        this.control = control;
        this.dir = dir;
        this.process = process;
    }

    /** Starts a phone for {@code number} that says {@code speech} (8 kHz mono samples), then keeps silent. */
    public static Baresip start(Path dir, String number, short[] speech) throws Exception {
        return launch(dir, "<sip:" + number + "@127.0.0.1>;regint=0;answermode=auto", speech);
    }

    /**
     * Starts a softphone that registers {@code extension} with the registrar on loopback {@code registrarPort},
     * answers calls at once and says {@code speech}; returns once the registrar has taken the registration.
     */
    public static Baresip registered(Path dir, String extension, int registrarPort, short[] speech) throws Exception {
        Baresip phone = launch(dir, "<sip:" + extension + "@127.0.0.1:" + registrarPort
                + ">;regint=300;answermode=auto", speech);
        for (int i = 0; i < 50 && !phone.log().contains("200 OK"); i++) {
            Thread.sleep(100);
        }
        assertThat(phone.log()).as("the registrar took the registration").contains("200 OK");
        return phone;
    }

    /**
     * Starts baresip; a port taken between choosing it and baresip binding it (SIP listens on UDP and TCP, and other
     * tests' connections take ephemeral ports meanwhile) is chosen again, up to three times.
     */
    private static Baresip launch(Path dir, String account, short[] speech) throws Exception {
        Baresip phone = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            phone = launchOnce(dir, account, speech);
            if (!phone.log().contains("Address already in use")) {
                return phone;
            }
            phone.close();
        }
        return phone;
    }

    /** A port free for both UDP and TCP as it is chosen. */
    private static int freeSipPort() throws Exception {
        while (true) {
            int port = Sipp.freePort();
            try (java.net.ServerSocket tcp = new java.net.ServerSocket(port, 1,
                    java.net.InetAddress.getLoopbackAddress())) {
                return port;
            } catch (java.net.BindException taken) {
                // its TCP twin is in use: choose another
            }
        }
    }

    private static Baresip launchOnce(Path dir, String account, short[] speech) throws Exception {
        assertThat(new File("/usr/bin/baresip")).as("baresip is installed (apt-get install baresip-core)").exists();
        int port = freeSipPort();
        int control;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            control = s.getLocalPort();
        }
        // aufile hangs up at the end of its file: two minutes of sound, the speech then silence
        short[] say = new short[8000 * 120];
        System.arraycopy(speech, 0, say, 0, Math.min(speech.length, say.length));
        byte[] pcm = new byte[say.length * 2];
        for (int i = 0; i < say.length; i++) {
            pcm[2 * i] = (byte) say[i];
            pcm[2 * i + 1] = (byte) (say[i] >> 8);
        }
        Path wav = dir.resolve("say.wav");
        try (OutputStream out = Files.newOutputStream(wav)) {
            out.write(Wav.header(1, 8000, pcm.length));
            out.write(pcm);
        }
        Files.writeString(dir.resolve("config"), String.join("\n",
                "poll_method poll",
                "sip_listen 127.0.0.1:" + port,
                "audio_player aubridge,sink",
                "audio_alert aubridge,sink",
                "audio_source aufile," + wav,
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aufile.so",
                "module aubridge.so",
                "module sndfile.so",
                "module ctrl_tcp.so",
                "module_app account.so",
                "module_app menu.so",
                "snd_path " + dir,
                "ctrl_tcp_listen 127.0.0.1:" + control, ""));
        Files.writeString(dir.resolve("accounts"), account + "\n");
        Process p = new ProcessBuilder("/usr/bin/baresip", "-f", dir.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("baresip.log").toFile()).start();
        Baresip phone = new Baresip(port, control, dir, p);
        for (int i = 0; i < 50 && !Files.readString(dir.resolve("baresip.log")).contains("baresip is ready"); i++) {
            Thread.sleep(100);
        }
        return phone;
    }

    /** Keys each of {@code keys} (0-9, *, #) as an RFC 4733 event, {@code gapMs} apart. */
    void key(String keys, long gapMs) throws Exception {
        try (Socket s = new Socket("127.0.0.1", control)) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (char k : keys.toCharArray()) {
                String json = "{\"command\":\"sndcode\",\"params\":\"" + k + "\",\"token\":\"k\"}";
                out.write((json.getBytes(StandardCharsets.UTF_8).length + ":" + json + ",")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                readNetstring(in);
                Thread.sleep(gapMs);
            }
        }
    }

    /** Hangs up the call going on, as the person on this phone would. */
    public void hangUp() throws Exception {
        try (Socket s = new Socket("127.0.0.1", control)) {
            String json = "{\"command\":\"hangup\",\"params\":\"\",\"token\":\"h\"}";
            s.getOutputStream().write((json.getBytes(StandardCharsets.UTF_8).length + ":" + json + ",")
                    .getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            readNetstring(s.getInputStream());
        }
    }

    private static void readNetstring(InputStream in) throws Exception {
        int len = 0;
        int c;
        while ((c = in.read()) >= '0' && c <= '9') {
            len = len * 10 + (c - '0');
        }
        in.readNBytes(len + 1);
    }

    /** What the phone heard (8 kHz samples), once the call has ended and the recording is closed. */
    public short[] heard() throws Exception {
        for (int i = 0; i < 50; i++) {
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> dumps = files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).toList();
                if (!dumps.isEmpty() && Files.size(dumps.getFirst()) > Wav.HEADER) {
                    byte[] wav = Files.readAllBytes(dumps.getFirst());
                    // the dump's length is written when the call closes: until then it reads empty
                    if (Wav.format(wav).channels() == 1 && Wav.channel(wav, 0).length > 0) {
                        return Wav.channel(wav, 0);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("baresip recorded nothing: " + log());
    }

    public String log() throws Exception {
        return Files.readString(dir.resolve("baresip.log"));
    }

    /** Kills the phone without unregistering: as a phone that lost power or network. */
    public void kill() throws Exception {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
