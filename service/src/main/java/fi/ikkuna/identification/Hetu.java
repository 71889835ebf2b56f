package fi.ikkuna.identification;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Finnish personal identity code (henkilötunnus), as the identification service returns it or a resident gives it
 * for someone they act for (proxy package): checked before it is stored, masked wherever it is shown. Temporary codes
 * (individual number 900–999) are valid codes too.
 */
public final class Hetu {
    private static final Pattern FORM = Pattern.compile("(\\d{6})([-+ABCDEFYXWVU])(\\d{3})([0-9A-Y])");
    private static final String CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private Hetu() {
    }

    /** Whether the code has the right form and check character (a claim that is not a code is refused, not stored). */
    public static boolean valid(String code) {
        if (code == null) {
            return false;
        }
        var m = FORM.matcher(code);
        if (!m.matches()) {
            return false;
        }
        long n = Long.parseLong(m.group(1) + m.group(3));
        return CHECK.charAt((int) (n % 31)) == m.group(4).charAt(0);
    }

    /**
     * The birth date a valid code carries (DDMMYY and the century sign: {@code +} 1800s, {@code -YXWVU} 1900s,
     * {@code ABCDEF} 2000s); empty for an invalid code or one whose date does not exist (e.g. 310299).
     */
    public static Optional<LocalDate> birthDate(String code) {
        if (!valid(code)) {
            return Optional.empty();
        }
        char sign = code.charAt(6);
        int century = sign == '+' ? 1800 : "ABCDEF".indexOf(sign) >= 0 ? 2000 : 1900;
        try {
            return Optional.of(LocalDate.of(century + Integer.parseInt(code.substring(4, 6)),
                    Integer.parseInt(code.substring(2, 4)), Integer.parseInt(code.substring(0, 2))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Birth date and century sign only, e.g. {@code 131052-****}: enough to tell two residents apart on a call. */
    public static String mask(String code) {
        return code.substring(0, 7) + "****";
    }
}
