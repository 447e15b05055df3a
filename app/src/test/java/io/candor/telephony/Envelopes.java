package io.candor.telephony;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.candor.telephony.media.Wav;

/** Finding a known prompt in what a phone heard: by the shape of its loudness, and (English) by pocketsphinx. */
final class Envelopes {

    private static final int FRAME = 160; // 20 ms at 8 kHz

    private Envelopes() {
    }

    /**
     * How well {@code reference} matches some stretch of the first ten seconds of {@code heard}: the best correlation
     * of their loudness (log energy a 20 ms frame) over every offset; 1 is the same shape.
     */
    static double match(short[] reference, short[] heard) {
        double[] r = envelope(reference);
        double[] h = envelope(heard);
        double best = -1;
        int offsets = Math.min(500, h.length - r.length);
        for (int off = 0; off <= offsets; off++) {
            best = Math.max(best, correlation(r, h, off));
        }
        return best;
    }

    private static double[] envelope(short[] s) {
        double[] e = new double[s.length / FRAME];
        for (int f = 0; f < e.length; f++) {
            double sum = 0;
            for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
                sum += (double) s[i] * s[i];
            }
            e[f] = Math.log10(1 + sum / FRAME);
        }
        return e;
    }

    private static double correlation(double[] a, double[] b, int off) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[off + i];
        }
        ma /= a.length;
        mb /= a.length;
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - ma) * (b[off + i] - mb);
            da += (a[i] - ma) * (a[i] - ma);
            db += (b[off + i] - mb) * (b[off + i] - mb);
        }
        return da == 0 || db == 0 ? 0 : num / Math.sqrt(da * db);
    }

    /** What pocketsphinx hears in the first ten seconds, against a grammar of the disclosure and other phrases. */
    static String recognise(short[] heard, Path dir) throws Exception {
        int n = Math.min(heard.length, 8000 * 10);
        byte[] pcm = new byte[n * 4];
        for (int i = 0; i < n; i++) {
            short a = heard[i];
            short b = i + 1 < n ? heard[i + 1] : a;
            short mid = (short) ((a + b) / 2);
            pcm[4 * i] = (byte) a;
            pcm[4 * i + 1] = (byte) (a >> 8);
            pcm[4 * i + 2] = (byte) mid;
            pcm[4 * i + 3] = (byte) (mid >> 8);
        }
        Path wav = dir.resolve("heard16.wav");
        try (OutputStream out = Files.newOutputStream(wav)) {
            out.write(Wav.header(1, 16000, pcm.length));
            out.write(pcm);
        }
        Path grammar = dir.resolve("check.jsgf");
        Files.writeString(grammar, """
                #JSGF V1.0;
                grammar check;
                public <s> = <x>+;
                <x> = hello | this is an automated call | and it is recorded | please press one to continue
                    | or hang up at any time | good afternoon | we are calling about your account balance today
                    | thank you | you will be sued | the police are coming;
                """, StandardCharsets.US_ASCII);
        String model = "/usr/share/pocketsphinx/model/en-us";
        Process p = new ProcessBuilder("/usr/bin/pocketsphinx_continuous", "-infile", wav.toString(), "-jsgf",
                grammar.toString(), "-hmm", model + "/en-us", "-dict", model + "/cmudict-en-us.dict", "-logfn",
                "/dev/null").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out.replace('\n', ' ').strip();
    }
}
