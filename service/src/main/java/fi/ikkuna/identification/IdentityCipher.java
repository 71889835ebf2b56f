package fi.ikkuna.identification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what must never be readable in a database dump: a resident's identity and the PKCE verifier of an
 * identification in progress. AES-256-GCM with a fresh 96-bit IV per value; the associated data binds a sealed value to
 * its row (the conversation id), so a value copied to another row does not open. The key is
 * {@code ikkuna.identification.key}: base64 of 32 random bytes ({@code openssl rand -base64 32}).
 */
public final class IdentityCipher {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecretKeySpec key;
    private final SecretKeySpec personKey;
    private final String keyId;

    public IdentityCipher(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ikkuna.identification.key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("ikkuna.identification.key must be 32 bytes (base64 of 32 random bytes), got "
                    + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
        // A separate key for the person lookup hash, so the hash never reveals anything about the encryption key.
        this.personKey = new SecretKeySpec(hmac(new SecretKeySpec(raw, "HmacSHA256"), "ikkuna person key"), "HmacSHA256");
        this.keyId = HexFormat.of().formatHex(sha256(raw)).substring(0, 8);
    }

    /** Which key sealed a value (a rotation can tell old values from new); not secret. */
    public String keyId() {
        return keyId;
    }

    public String seal(String plain, String boundTo) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain value; throws when it was sealed with another key, for another row, or altered. */
    public String open(String sealed, String boundTo) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            c.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("sealed value does not open (wrong key, wrong row or altered)");
        }
    }

    /** A keyed hash of a national identification number: finds the same person again without storing the number. */
    public String personKey(String nationalId) {
        return HexFormat.of().formatHex(hmac(personKey, nationalId));
    }

    private static byte[] hmac(SecretKeySpec k, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(k);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String data) {
        return HexFormat.of().formatHex(sha256(data.getBytes(StandardCharsets.UTF_8)));
    }

    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
