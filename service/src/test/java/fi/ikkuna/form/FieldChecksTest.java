package fi.ikkuna.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The value checks behind phone, e-mail and text fields, at their edges. */
class FieldChecksTest {

    @ParameterizedTest
    @CsvSource({"040 123 4567,0401234567", "+358 40 123 4567,+358401234567", "(09) 310 1234,093101234",
            "+46-8-123 456 78,+46812345678", "0401234,0401234"})
    void phonesAreNormalised(String raw, String expected) {
        assertEquals(expected, FieldChecks.phone(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"040 123", "12345678", "+0 40 123 4567", "040-abc-4567", "+358 40 123 4567 890 12345",
            "040 123 4567 ext 5", "++358401234567", "040\u00a01234567"})
    void badPhonesAreRefused(String raw) {
        assertNull(FieldChecks.phone(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maija@example.fi", "m.virtanen+ikkuna@hyvinvointialue.fi", "a@b.co"})
    void emails(String raw) {
        assertEquals(raw, FieldChecks.email(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maija", "maija@", "@example.fi", "maija@example", "maija@exa mple.fi", "a@b@c.fi",
            "<script>@x.fi", "maija@-example.fi"})
    void badEmails(String raw) {
        assertNull(FieldChecks.email(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0007", "\ud800x", "x\udc00", "\ufffd"})
    void unprintableText(String raw) {
        assertFalse(FieldChecks.printable(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rivi 1\nrivi 2\ttab", "Åäö 😀 ✓"})
    void printableText(String raw) {
        assertTrue(FieldChecks.printable(raw));
    }
}
