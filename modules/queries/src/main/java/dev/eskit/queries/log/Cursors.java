package dev.eskit.queries.log;

import dev.eskit.queries.api.InvalidCursorException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Turns Axon tracking tokens into short opaque cursors and back. A gap-aware token keeps the
 * positions below its index that were not committed yet when it was taken, so a reader resuming
 * from it still receives the events of transactions that commit out of order. Layout: a kind byte,
 * then unsigned varints (index, gap count, each gap as its distance below the previous one). A
 * backward reader's cursor is no token: only the position its next page stays below.
 */
final class Cursors {

    private static final byte START = 0;
    private static final byte GAP_AWARE = 1;
    private static final byte GLOBAL_SEQUENCE = 2;
    private static final byte BACKWARD = 3;
    private static final int MAX_GAPS = 100_000;

    private Cursors() {
    }

    static String encode(TrackingToken token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (token == null) {
            out.write(START);
        } else if (token instanceof GapAwareTrackingToken gapAware) {
            out.write(GAP_AWARE);
            writeVarLong(out, gapAware.getIndex());
            writeVarLong(out, gapAware.getGaps().size());
            long previous = gapAware.getIndex();
            for (long gap : new TreeSet<>(gapAware.getGaps()).descendingSet()) {
                writeVarLong(out, previous - gap);
                previous = gap;
            }
        } else if (token instanceof GlobalSequenceTrackingToken global) {
            out.write(GLOBAL_SEQUENCE);
            writeVarLong(out, global.getGlobalIndex());
        } else {
            throw new IllegalArgumentException("no cursor form for " + token.getClass().getName());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** A backward reader's cursor: its next page holds events below {@code position}. */
    static String encodeBackward(long position) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(BACKWARD);
        writeVarLong(out, position);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /**
     * The position a backward read stays below: a backward cursor's own, or, for a forward cursor, one
     * past the last position it has read, so that reading backwards from where a forward reader stands
     * meets what it read.
     */
    static long backwardStart(String cursor) {
        byte[] bytes = bytesOf(cursor);
        if (bytes.length > 0 && bytes[0] == BACKWARD) {
            try {
                ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
                long position = readVarLong(in);
                if (in.hasRemaining()) {
                    throw invalid(cursor);
                }
                return position;
            } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
                throw invalid(cursor);
            }
        }
        TrackingToken token = decode(cursor);
        return token == null ? 0 : token.position().orElse(0) + 1;
    }

    /** The token a cursor stands for; null means the beginning of the log. */
    static TrackingToken decode(String cursor) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytesOf(cursor));
            TrackingToken token = switch (in.get()) {
                case START -> null;
                case GAP_AWARE -> readGapAware(in);
                case GLOBAL_SEQUENCE -> new GlobalSequenceTrackingToken(readVarLong(in));
                case BACKWARD -> throw new InvalidCursorException("'" + abbreviate(cursor)
                        + "' continues a backward read (direction=backward) only");
                default -> throw invalid(cursor);
            };
            if (in.hasRemaining()) {
                throw invalid(cursor);
            }
            return token;
        } catch (InvalidCursorException e) {
            throw e;
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw invalid(cursor);
        }
    }

    private static byte[] bytesOf(String cursor) {
        try {
            return Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid(cursor);
        }
    }

    private static GapAwareTrackingToken readGapAware(ByteBuffer in) {
        long index = readVarLong(in);
        long count = readVarLong(in);
        if (count > MAX_GAPS) {
            throw new IllegalArgumentException("too many gaps");
        }
        List<Long> gaps = new ArrayList<>((int) count);
        long previous = index;
        for (long i = 0; i < count; i++) {
            long distance = readVarLong(in);
            if (distance <= 0 || distance > previous) {
                throw new IllegalArgumentException("gaps must lie below the index, in order");
            }
            previous -= distance;
            gaps.add(previous);
        }
        return GapAwareTrackingToken.newInstance(index, gaps);
    }

    private static void writeVarLong(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long readVarLong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    private static InvalidCursorException invalid(String cursor) {
        return new InvalidCursorException("'" + abbreviate(cursor) + "' is not a cursor of this log");
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
