package io.candor.telephony.media;

/**
 * ITU-T G.711 at 8 kHz: 16-bit linear PCM to and from μ-law (PCMU, North America, Japan) and A-law (PCMA, China,
 * Europe and most of the world), one byte per sample. Decoding is by table; encoding by the standard segment
 * search.
 */
public enum G711 {
    PCMU(0, "PCMU"), PCMA(8, "PCMA");

    /** The static RTP payload type (RFC 3551) and the SDP encoding name. */
    private final int payloadType;
    private final String encodingName;

    private static final short[] ULAW = new short[256];
    private static final short[] ALAW = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW[i] = ulawToLinear((byte) i);
            ALAW[i] = alawToLinear((byte) i);
        }
    }

    G711(int payloadType, String encodingName) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
    }

    public int payloadType() {
        return payloadType;
    }

    public String encodingName() {
        return encodingName;
    }

    /** The codec of a static payload type, if it is one of these. */
    public static java.util.Optional<G711> ofPayloadType(int pt) {
        for (G711 c : values()) {
            if (c.payloadType == pt) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    public short decode(byte b) {
        return this == PCMU ? ULAW[b & 0xFF] : ALAW[b & 0xFF];
    }

    public byte encode(short sample) {
        return this == PCMU ? linearToUlaw(sample) : linearToAlaw(sample);
    }

    /** Decodes {@code len} bytes of {@code in} from {@code off} into {@code out} from {@code outOff}. */
    public void decode(byte[] in, int off, int len, short[] out, int outOff) {
        short[] table = this == PCMU ? ULAW : ALAW;
        for (int i = 0; i < len; i++) {
            out[outOff + i] = table[in[off + i] & 0xFF];
        }
    }

    public byte[] encode(short[] in, int off, int len) {
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            out[i] = encode(in[off + i]);
        }
        return out;
    }

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;

    static byte linearToUlaw(short pcm) {
        int sample = pcm;
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) {
            sample = -sample;
        }
        if (sample > CLIP) {
            sample = CLIP;
        }
        sample += BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (sample >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    static short ulawToLinear(byte u) {
        int b = ~u & 0xFF;
        int sign = b & 0x80;
        int exponent = (b >> 4) & 0x07;
        int mantissa = b & 0x0F;
        int sample = (((mantissa << 3) + BIAS) << exponent) - BIAS;
        return (short) (sign != 0 ? -sample : sample);
    }

    static byte linearToAlaw(short pcm) {
        int sample = pcm;
        int sign = sample >= 0 ? 0x80 : 0x00;
        if (sign == 0) {
            sample = -sample - 1; // one's-complement magnitude, so -32768 fits
        }
        if (sample > 32767) {
            sample = 32767;
        }
        int exponent;
        int mantissa;
        if (sample >= 256) {
            exponent = 7;
            for (int mask = 0x4000; (sample & mask) == 0 && exponent > 1; mask >>= 1) {
                exponent--;
            }
            mantissa = (sample >> (exponent + 3)) & 0x0F;
        } else {
            exponent = 0;
            mantissa = (sample >> 4) & 0x0F;
        }
        return (byte) ((sign | (exponent << 4) | mantissa) ^ 0x55);
    }

    static short alawToLinear(byte a) {
        int b = (a ^ 0x55) & 0xFF;
        int sign = b & 0x80;
        int exponent = (b >> 4) & 0x07;
        int mantissa = b & 0x0F;
        int sample = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (short) (sign != 0 ? sample : -sample);
    }
}
