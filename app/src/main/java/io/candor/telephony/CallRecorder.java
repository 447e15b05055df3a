package io.candor.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.candor.telephony.media.Wav;
import io.candor.verify.RecordingChunks;

/**
 * Records a call in two channels — the debtor left, Candor or the collector right — as 16-bit PCM at 8 kHz, in
 * chunks: each full chunk is appended to the call's spool file, forced to disk and hashed (SHA-256, and a chain
 * hash over the chunks so far) before the listener hears of it, so a crash loses at most the chunk being filled and
 * everything before it can be proven. Seconds marked sensitive (digits keyed for an identity check) are written as
 * silence in both channels.
 */
final class CallRecorder {

    /** A chunk written: its number from 0, its bytes, its SHA-256 and the chain hash up to it (hex). */
    record Chunk(int index, int bytes, String sha256, String chain) {
    }

    /** Hears of each chunk as soon as it is on disk. */
    interface ChunkListener {
        void written(Chunk chunk);
    }

    static final int RATE = 8000;
    /** Five seconds a chunk. */
    static final int CHUNK_FRAMES = 5 * RATE;

    private final Path spool;
    private final FileChannel file;
    private final ChunkListener listener;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK_FRAMES * 4).order(ByteOrder.LITTLE_ENDIAN);
    private byte[] chain = new byte[32];
    private int chunks;
    private long frames;

    CallRecorder(Path spool, ChunkListener listener) {
        this.spool = spool;
        this.listener = listener;
        try {
            Files.createDirectories(spool.getParent());
            this.file = FileChannel.open(spool, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the call in " + spool + ": " + e.getMessage(), e);
        }
    }

    /** Appends {@code len} frames: the debtor's samples and Candor's, or silence for both when sensitive. */
    synchronized void write(short[] debtor, short[] candor, int len, boolean sensitive) {
        for (int i = 0; i < len; i++) {
            buffer.putShort(sensitive ? 0 : debtor[i]);
            buffer.putShort(sensitive ? 0 : candor[i]);
            frames++;
            if (!buffer.hasRemaining()) {
                flushChunk();
            }
        }
    }

    long durationMs() {
        return frames * 1000 / RATE;
    }

    /** Writes the last, partial chunk and returns the whole recording as a WAV file. */
    synchronized byte[] finish() {
        if (buffer.position() > 0) {
            flushChunk();
        }
        try {
            file.close();
            return assemble(spool, Files.size(spool));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The WAV file of the first {@code bytes} of a spool file. */
    static byte[] assemble(Path spool, long bytes) throws IOException {
        byte[] wav = new byte[Math.toIntExact(Wav.HEADER + bytes)];
        System.arraycopy(Wav.header(2, RATE, bytes), 0, wav, 0, Wav.HEADER);
        try (FileChannel in = FileChannel.open(spool, StandardOpenOption.READ)) {
            ByteBuffer target = ByteBuffer.wrap(wav, Wav.HEADER, (int) bytes);
            while (target.hasRemaining() && in.read(target) >= 0) {
                // read to the end of what was recorded
            }
        }
        return wav;
    }

    /**
     * How many bytes at the start of a spool file the chunks recorded for it prove: each chunk's bytes hash to its
     * SHA-256 and the chain runs on unbroken; the first chunk that does not (or is not on disk) ends the proof.
     */
    static long provenBytes(Path spool, List<Chunk> chunks) throws IOException {
        long proven = 0;
        byte[] chain = new byte[32];
        try (FileChannel in = FileChannel.open(spool, StandardOpenOption.READ)) {
            for (Chunk c : chunks) {
                ByteBuffer b = ByteBuffer.allocate(c.bytes());
                while (b.hasRemaining() && in.read(b, proven + b.position()) > 0) {
                    // read the chunk's bytes
                }
                if (b.hasRemaining()) {
                    break;
                }
                byte[] hash = sha256(b.array());
                chain = chainAfter(chain, hash);
                if (!HexFormat.of().formatHex(hash).equals(c.sha256()) || !HexFormat.of().formatHex(chain)
                        .equals(c.chain())) {
                    break;
                }
                proven += c.bytes();
            }
        }
        return proven;
    }

    private void flushChunk() {
        buffer.flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        buffer.clear();
        try {
            ByteBuffer out = ByteBuffer.wrap(bytes);
            while (out.hasRemaining()) {
                file.write(out);
            }
            file.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording " + spool + ": " + e.getMessage(), e);
        }
        byte[] hash = sha256(bytes);
        chain = chainAfter(chain, hash);
        listener.written(new Chunk(chunks++, bytes.length, HexFormat.of().formatHex(hash), HexFormat.of().formatHex(chain)));
    }

    /** The chain hash after {@code previous}, as the offline verifier computes it ({@link RecordingChunks}). */
    static byte[] chainAfter(byte[] previous, byte[] chunkHash) {
        return RecordingChunks.chainAfter(previous, chunkHash);
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
