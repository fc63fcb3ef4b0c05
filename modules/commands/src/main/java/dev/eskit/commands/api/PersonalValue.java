package dev.eskit.commands.api;

/**
 * A piece of personal data as events store it: encrypted with its data subject's own key. Once
 * that key is destroyed (erasure), the value can never be read again, in any copy of any event.
 */
public record PersonalValue(String subject, String ciphertext) {
}
