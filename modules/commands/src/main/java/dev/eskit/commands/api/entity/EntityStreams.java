package dev.eskit.commands.api.entity;

import java.util.regex.Pattern;

/**
 * Where entities and types live in the event store. A type name has no ':', so the stream of
 * entity {@code 42} of type {@code Invoice}, {@code entity:Invoice:42}, can never be the stream
 * of another type's entity or of a type ({@code type:Invoice}).
 */
public final class EntityStreams {

    public static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private EntityStreams() {
    }

    public static String entity(String type, String id) {
        return "entity:" + type + ":" + id;
    }

    public static String type(String type) {
        return "type:" + type;
    }
}
