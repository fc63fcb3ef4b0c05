package dev.eskit.commands.api.gathering;

import java.util.UUID;

/** A gathering's id; its string form is the gathering's stream in the event store. */
public record GatheringId(UUID value) {

    @Override
    public String toString() {
        return "gathering:" + value;
    }
}
