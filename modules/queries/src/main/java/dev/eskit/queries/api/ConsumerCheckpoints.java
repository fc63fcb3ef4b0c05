package dev.eskit.queries.api;

import java.util.List;
import java.util.Optional;

/** Named checkpoints that log readers save and resume from. */
public interface ConsumerCheckpoints {

    /** Creates or moves the checkpoint; fails with {@link InvalidCursorException} for a foreign cursor. */
    Consumer save(String name, String cursor);

    Optional<Consumer> find(String name);

    List<Consumer> all();

    /** Removes the checkpoint; false when there was none. */
    boolean delete(String name);
}
