package dev.eskit.processing.tracking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored tokens of a processor's segments, read without claiming them. They are the truth for
 * every instance: a processor's live status shows only the segments this instance holds, and it
 * drops a segment whose handling fails while that segment falls behind.
 */
@Component
class ProcessorTokens {

    private final JdbcTemplate jdbc;
    private final TokenSchema schema;
    private final Serializer serializer;

    ProcessorTokens(JdbcTemplate jdbc, TokenSchema schema, Serializer serializer) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.serializer = serializer;
    }

    /** One entry per segment; a segment that has handled nothing yet has a null token. */
    List<TrackingToken> of(String processor) {
        return jdbc.query("SELECT " + schema.tokenColumn() + ", " + schema.tokenTypeColumn() + " FROM "
                        + schema.tokenTable() + " WHERE " + schema.processorNameColumn() + " = ?",
                (row, i) -> token(row.getBytes(1), row.getString(2)), processor);
    }

    /** Each segment's stored token by segment id; null for a segment that has handled nothing yet. */
    Map<Integer, TrackingToken> bySegment(String processor) {
        Map<Integer, TrackingToken> tokens = new HashMap<>();
        jdbc.query("SELECT " + schema.segmentColumn() + ", " + schema.tokenColumn() + ", " + schema.tokenTypeColumn() + " FROM "
                        + schema.tokenTable() + " WHERE " + schema.processorNameColumn() + " = ?",
                row -> {
                    tokens.put(row.getInt(1), token(row.getBytes(2), row.getString(3)));
                }, processor);
        return tokens;
    }

    /** The highest log position the token has passed; 0 before the first event. */
    static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /**
     * Whether the segment is still handling events it had handled before its reset. Axon keeps a
     * replay token until the first event after the reset point, so in a quiet store the token alone
     * would say "replaying" forever; the replay's work is done once it has reached that point.
     */
    static boolean replaying(TrackingToken token) {
        return replayProgress(token) < 1;
    }

    /** How far a replaying segment has come, from 0 to 1; 1 for a segment that is not replaying. */
    static double replayProgress(TrackingToken token) {
        if (!(token instanceof ReplayToken replay) || replay.getTokenAtReset() == null) {
            return 1;
        }
        long target = replay.getTokenAtReset().position().orElse(0);
        return target == 0 ? 1 : Math.min(1, (double) position(replay) / target);
    }

    private TrackingToken token(byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, type, null));
    }
}
