package fi.ikkuna.identification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Sealing at rest and the identity code's check, without a service. */
class IdentityCipherTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());

    /** A sealed value opens only with its key and for its row; each sealing differs (fresh IV). */
    @Test
    void sealedValueOpensOnlyWithItsKeyForItsRow() {
        IdentityCipher c = new IdentityCipher(KEY);
        String sealed = c.seal("131052-308T", "conversation-1");
        assertFalse(sealed.contains("131052"));
        assertNotEquals(sealed, c.seal("131052-308T", "conversation-1"));
        assertEquals("131052-308T", c.open(sealed, "conversation-1"));
        assertThrows(IllegalStateException.class, () -> c.open(sealed, "conversation-2"));
        assertThrows(IllegalStateException.class, () -> new IdentityCipher(OTHER).open(sealed, "conversation-1"));
        String altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(IllegalStateException.class, () -> c.open(altered, "conversation-1"));
        assertEquals(c.personKey("131052-308T"), new IdentityCipher(KEY).personKey("131052-308T"));
        assertNotEquals(c.personKey("131052-308T"), new IdentityCipher(OTHER).personKey("131052-308T"));
    }

    /** The key must be 32 bytes of base64; anything else stops the service at start. */
    @Test
    void shortOrMalformedKeysAreRefused() {
        assertThrows(IllegalStateException.class, () -> new IdentityCipher(Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalStateException.class, () -> new IdentityCipher("not base64 at all!"));
    }

    /** Form and check character; every century sign; masking keeps only the birth date and the sign. */
    @Test
    void identityCodeIsCheckedAndMasked() {
        assertTrue(Hetu.valid("131052-308T"));
        assertTrue(Hetu.valid("131052A308T"));
        assertFalse(Hetu.valid("131052-308U"));
        assertFalse(Hetu.valid("13105-308T"));
        assertFalse(Hetu.valid(null));
        assertEquals("131052-****", Hetu.mask("131052-308T"));
        assertFalse(new Person("131052-308T", "Maija", "M", "s").toString().contains("308T"));
    }

    /** The birth date by the century sign (proxy use checks a child's age from it); no date for an invalid or impossible code. */
    @Test
    void birthDateFollowsTheCenturySign() {
        assertEquals(java.time.LocalDate.of(1952, 10, 13), Hetu.birthDate("131052-308T").orElseThrow());
        assertEquals(java.time.LocalDate.of(2052, 10, 13), Hetu.birthDate("131052A308T").orElseThrow());
        assertEquals(java.time.LocalDate.of(1852, 10, 13), Hetu.birthDate("131052+308T").orElseThrow());
        assertEquals(java.time.LocalDate.of(2015, 6, 1), Hetu.birthDate("010615A123A").orElseThrow());
        assertTrue(Hetu.birthDate("131052-308U").isEmpty(), "wrong check character");
        assertTrue(Hetu.birthDate("310299-1234").isEmpty(), "no 31 February");
    }
}
