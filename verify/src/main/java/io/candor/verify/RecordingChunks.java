package io.candor.verify;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The chain hash of a call recording as Candor computed it while the call ran: the WAV's samples cut into chunks of
 * five seconds (two channels of 16-bit audio at 8 kHz: 160,000 bytes), each hashed with SHA-256, each chained as
 * SHA-256(previous chain ‖ chunk hash) from 32 zero bytes. Equal chains prove the recording is the one hashed chunk
 * by chunk during the call — also one cut short by a crash, up to its last chunk.
 */
public final class RecordingChunks {

    /** Bytes in a chunk: 5 s × 8,000 frames × 2 channels × 2 bytes. */
    public static final int CHUNK_BYTES = 5 * 8000 * 4;

    private RecordingChunks() {
    }

    /** The chain hash (hex) over the samples of a RIFF WAV file. */
    public static String chain(byte[] wav) {
        int[] data = dataChunk(wav);
        byte[] chain = new byte[32];
        for (int at = data[0]; at < data[0] + data[1]; at += CHUNK_BYTES) {
            byte[] part = Arrays.copyOfRange(wav, at, Math.min(at + CHUNK_BYTES, data[0] + data[1]));
            chain = chainAfter(chain, sha256(part));
        }
        return HexFormat.of().formatHex(chain);
    }

    /** The chain hash after {@code previous}: SHA-256 of the previous chain hash and the next chunk's hash. */
    public static byte[] chainAfter(byte[] previous, byte[] chunkHash) {
        byte[] both = new byte[previous.length + chunkHash.length];
        System.arraycopy(previous, 0, both, 0, previous.length);
        System.arraycopy(chunkHash, 0, both, previous.length, chunkHash.length);
        return sha256(both);
    }

    /** Where the samples start and how many bytes they are. */
    private static int[] dataChunk(byte[] wav) {
        if (wav.length < 12 || !new String(wav, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")) {
            throw new IllegalArgumentException("not a RIFF WAVE file");
        }
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 8 <= wav.length) {
            String id = new String(wav, at, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(at + 4);
            if (id.equals("data")) {
                return new int[] {at + 8, Math.min(size, wav.length - at - 8)};
            }
            at += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException("the WAV file has no data chunk");
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
