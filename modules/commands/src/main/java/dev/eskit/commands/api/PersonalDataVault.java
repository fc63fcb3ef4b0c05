package dev.eskit.commands.api;

import java.util.Optional;

/** Keys per data subject: seals personal values, opens them while the subject's key exists, destroys it on erasure. */
public interface PersonalDataVault {

    /** What readers see in place of a value whose key was destroyed. */
    String ERASED = "[erased]";

    /**
     * Makes the subject's key unless it exists, in the caller's transaction. The sender of a command
     * calls it in a transaction of its own before sending, so that the key is committed before any
     * event sealed with it can be read, whichever store commits first; a key whose command then fails
     * seals nothing and harms nothing.
     */
    void prepare(String subject);

    /** Seals with the subject's key, which {@link #prepare} made (or makes now, in the caller's transaction). */
    PersonalValue seal(String subject, String plaintext);

    /** The plaintext; empty once the subject was erased. */
    Optional<String> open(PersonalValue value);

    /** The plaintext, or {@link #ERASED}. */
    default String reveal(PersonalValue value) {
        return value == null ? null : open(value).orElse(ERASED);
    }

    /** Destroys the subject's key: once that commits, every value sealed for it is unreadable. */
    void shred(String subject);
}
