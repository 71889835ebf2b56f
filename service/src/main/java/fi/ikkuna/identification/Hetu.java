package fi.ikkuna.identification;

import java.util.regex.Pattern;

/**
 * The Finnish personal identity code (henkilötunnus) as the identification service returns it: checked before it is
 * stored, masked wherever it is shown. Temporary codes (individual number 900–999) are valid codes too.
 */
final class Hetu {
    private static final Pattern FORM = Pattern.compile("(\\d{6})([-+ABCDEFYXWVU])(\\d{3})([0-9A-Y])");
    private static final String CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private Hetu() {
    }

    /** Whether the code has the right form and check character (a claim that is not a code is refused, not stored). */
    static boolean valid(String code) {
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

    /** Birth date and century sign only, e.g. {@code 131052-****}: enough to tell two residents apart on a call. */
    static String mask(String code) {
        return code.substring(0, 7) + "****";
    }
}
