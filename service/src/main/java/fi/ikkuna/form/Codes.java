package fi.ikkuna.form;

import java.security.SecureRandom;

/** Short codes a resident can read out on the phone: no 0/O or 1/I/L to confuse. */
public final class Codes {
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {
    }

    /** Eight characters as XXXX-XXXX; 31^8 ≈ 8.5·10^11, and a unique key catches the rare repeat. */
    public static String newCode() {
        StringBuilder b = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
