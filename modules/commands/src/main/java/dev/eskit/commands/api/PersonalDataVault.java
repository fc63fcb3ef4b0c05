package dev.eskit.commands.api;

import java.util.Optional;

/** Keys per data subject: seals personal values, opens them while the subject's key exists, destroys it on erasure. */
public interface PersonalDataVault {

    /** What readers see in place of a value whose key was destroyed. */
    String ERASED = "[erased]";

    PersonalValue seal(String subject, String plaintext);

    /** The plaintext; empty once the subject was erased. */
    Optional<String> open(PersonalValue value);

    /** The plaintext, or {@link #ERASED}. */
    default String reveal(PersonalValue value) {
        return value == null ? null : open(value).orElse(ERASED);
    }

    /** Destroys the subject's key: every value sealed for it becomes unreadable. */
    void shred(String subject);
}
