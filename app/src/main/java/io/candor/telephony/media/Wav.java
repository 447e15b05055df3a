package io.candor.telephony.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** RIFF WAVE headers for 16-bit linear PCM, and reading the samples of mono 16-bit files back. */
public final class Wav {

    public static final int HEADER = 44;

    private Wav() {
    }

    /** The 44-byte header of {@code dataBytes} of 16-bit PCM at {@code rate} Hz in {@code channels} channels. */
    public static byte[] header(int channels, int rate, long dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
        b.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) channels).putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2))
                .putShort((short) 16);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return b.array();
    }

    /** The format of a WAV file: channels, sample rate, bits per sample, where the samples start and how many bytes. */
    public record Format(int channels, int rate, int bits, int dataOffset, int dataBytes) {
    }

    /** Reads the format chunk and finds the data chunk; refuses what is not RIFF WAVE PCM. */
    public static Format format(byte[] wav) {
        if (wav.length < 12 || !new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
                || !new String(wav, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WAVE")) {
            throw new IllegalArgumentException("not a RIFF WAVE file");
        }
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int at = 12;
        while (at + 8 <= wav.length) {
            String id = new String(wav, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = b.getInt(at + 4);
            if (id.equals("fmt ")) {
                if (b.getShort(at + 8) != 1) {
                    throw new IllegalArgumentException("not linear PCM (format " + b.getShort(at + 8) + ")");
                }
                channels = b.getShort(at + 10);
                rate = b.getInt(at + 12);
                bits = b.getShort(at + 22);
            } else if (id.equals("data")) {
                int bytes = size < 0 || at + 8 + size > wav.length ? wav.length - at - 8 : size;
                return new Format(channels, rate, bits, at + 8, bytes);
            }
            at += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException("the WAV file has no data chunk");
    }

    /** The samples of one channel of a 16-bit WAV file. */
    public static short[] channel(byte[] wav, int channel) {
        Format f = format(wav);
        if (f.bits() != 16 || channel >= f.channels()) {
            throw new IllegalArgumentException("need 16-bit audio with channel " + channel + "; got " + f);
        }
        int frames = f.dataBytes() / (2 * f.channels());
        short[] out = new short[frames];
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            out[i] = b.getShort(f.dataOffset() + (i * f.channels() + channel) * 2);
        }
        return out;
    }

    /** 16-bit mono audio at {@code rate} resampled to 8 kHz (linear interpolation after a moving-average low-pass). */
    public static short[] to8k(short[] in, int rate) {
        if (rate == 8000) {
            return in;
        }
        double step = rate / 8000.0;
        int taps = Math.max(1, (int) Math.round(step));
        int n = (int) (in.length / step);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            double pos = i * step;
            int k = (int) pos;
            long sum = 0;
            int count = 0;
            for (int j = k - taps / 2; j <= k + taps / 2; j++) {
                if (j >= 0 && j < in.length) {
                    sum += in[j];
                    count++;
                }
            }
            out[i] = (short) (sum / Math.max(1, count));
        }
        return out;
    }

    /** Mono 16-bit samples at {@code rate} Hz as a WAV file. */
    public static byte[] mono(short[] samples, int rate) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header(1, rate, samples.length * 2L));
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    /** 8 kHz audio at 16 kHz (linear interpolation), for recognisers whose models were trained on wideband speech. */
    public static short[] to16k(short[] in) {
        short[] out = new short[in.length * 2];
        for (int i = 0; i < in.length; i++) {
            int next = i + 1 < in.length ? in[i + 1] : in[i];
            out[2 * i] = in[i];
            out[2 * i + 1] = (short) ((in[i] + next) / 2);
        }
        return out;
    }
}
