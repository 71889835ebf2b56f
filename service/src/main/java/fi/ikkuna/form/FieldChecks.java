package fi.ikkuna.form;

import java.util.regex.Pattern;

/**
 * Value checks shared by forms and bookings. Each returns the normalised value or null when the value is not
 * acceptable; the callers ({@link FormValidator}, booking checks) turn null into a field error.
 */
public final class FieldChecks {
    /** Finnish numbers (040 123 4567) or international ones (+358 40 123 4567); separators are dropped. */
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}|0[0-9]{6,12}");
    private static final Pattern PHONE_CHARS = Pattern.compile("[0-9+ ()-]{6,32}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>,;]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+");

    private FieldChecks() {
    }

    public static String phone(String raw) {
        String t = raw.strip();
        if (!PHONE_CHARS.matcher(t).matches()) {
            return null;
        }
        String digits = t.replaceAll("[ ()-]", "");
        return PHONE.matcher(digits).matches() ? digits : null;
    }

    public static String email(String raw) {
        String t = raw.strip();
        return t.length() <= 254 && EMAIL.matcher(t).matches() ? t : null;
    }

    /** Control characters (other than line breaks and tabs) and unpaired surrogates cannot be shown or stored safely. */
    public static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t') {
                return false;
            }
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(ch) || ch == '\uFFFD') {
                return false;
            }
        }
        return true;
    }

    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
