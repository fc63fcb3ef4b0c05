package dev.eskit.commands.personal;

import dev.eskit.commands.api.PersonalDataVault;
import dev.eskit.commands.api.PersonalValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with one key per data subject, kept in {@code personal_data_key}. Keys are made and
 * destroyed before a command is sent, each in a transaction of its own that commits at once (see
 * the interface). The subject is bound into each ciphertext as associated data, so a value
 * cannot be opened under another subject's key. Shredding deletes the key row.
 */
@Component
class JdbcPersonalDataVault implements PersonalDataVault {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    JdbcPersonalDataVault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void prepare(String subject) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        jdbc.update("INSERT INTO personal_data_key (subject, key_bytes) VALUES (?, ?) ON CONFLICT DO NOTHING", subject, bytes);
    }

    @Override
    public PersonalValue seal(String subject, String plaintext) {
        SecretKey key = key(subject).orElseGet(() -> {
            // a command sent without preparation: the key commits with the caller's transaction
            prepare(subject);
            return key(subject).orElseThrow();
        });
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, iv, subject, plaintext.getBytes(StandardCharsets.UTF_8));
        return new PersonalValue(subject, Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array()));
    }

    @Override
    public Optional<String> open(PersonalValue value) {
        return key(value.subject()).map(key -> {
            ByteBuffer sealed = ByteBuffer.wrap(Base64.getDecoder().decode(value.ciphertext()));
            byte[] iv = new byte[IV_BYTES];
            sealed.get(iv);
            byte[] ciphertext = new byte[sealed.remaining()];
            sealed.get(ciphertext);
            return new String(crypt(Cipher.DECRYPT_MODE, key, iv, value.subject(), ciphertext), StandardCharsets.UTF_8);
        });
    }

    @Override
    public void shred(String subject) {
        jdbc.update("DELETE FROM personal_data_key WHERE subject = ?", subject);
    }

    private Optional<SecretKey> key(String subject) {
        List<byte[]> keys = jdbc.query("SELECT key_bytes FROM personal_data_key WHERE subject = ?",
                (row, i) -> row.getBytes(1), subject);
        return keys.stream().findFirst().map(bytes -> new SecretKeySpec(bytes, "AES"));
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] iv, String subject, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data of " + subject + " could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), e);
        }
    }
}
