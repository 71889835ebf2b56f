package fi.ikkuna.form;

import java.util.Map;

/**
 * Default error texts by code, in fi/sv/en. A field may override any of them in its definition
 * ({@code errors:}), which a {@code pattern} needs: only staff know what the pattern means to a resident.
 * {@code {max}} and {@code {min}} are replaced with the limit.
 */
public final class FormMessages {
    public static final Map<String, Texts> DEFAULTS = Map.ofEntries(
            Map.entry("required", Texts.of("Täytä tämä kohta.", "Fyll i det här fältet.", "Please fill in this field.")),
            Map.entry("consent_required", Texts.of("Lomaketta ei voi lähettää ilman suostumustasi.",
                    "Blanketten kan inte skickas utan ditt samtycke.", "The form cannot be sent without your consent.")),
            Map.entry("too_long", Texts.of("Kirjoita enintään {max} merkkiä.", "Skriv högst {max} tecken.",
                    "Write at most {max} characters.")),
            Map.entry("pattern", Texts.of("Tarkista, että tieto on oikeassa muodossa.", "Kontrollera att uppgiften har rätt format.",
                    "Check that the value has the right format.")),
            Map.entry("invalid_choice", Texts.of("Valitse jokin annetuista vaihtoehdoista.", "Välj ett av alternativen.",
                    "Choose one of the options.")),
            Map.entry("invalid_date", Texts.of("Anna päivämäärä muodossa vvvv-kk-pp.", "Ange datumet i formen åååå-mm-dd.",
                    "Give the date as yyyy-mm-dd.")),
            Map.entry("date_too_early", Texts.of("Päivämäärä voi olla aikaisintaan {min}.", "Datumet kan vara tidigast {min}.",
                    "The date can be {min} at the earliest.")),
            Map.entry("date_too_late", Texts.of("Päivämäärä voi olla viimeistään {max}.", "Datumet kan vara senast {max}.",
                    "The date can be {max} at the latest.")),
            Map.entry("invalid_phone", Texts.of("Anna puhelinnumero, esimerkiksi 040 123 4567 tai +358 40 123 4567.",
                    "Ange ett telefonnummer, till exempel 040 123 4567 eller +358 40 123 4567.",
                    "Give a phone number, for example 040 123 4567 or +358 40 123 4567.")),
            Map.entry("invalid_email", Texts.of("Anna sähköpostiosoite, esimerkiksi nimi@esimerkki.fi.",
                    "Ange en e-postadress, till exempel namn@exempel.fi.", "Give an e-mail address, for example name@example.fi.")),
            Map.entry("invalid_characters", Texts.of("Tekstissä on merkkejä, joita ei voi tallentaa.",
                    "Texten innehåller tecken som inte kan sparas.", "The text contains characters that cannot be stored.")),
            Map.entry("invalid_type", Texts.of("Arvo on väärää tyyppiä.", "Värdet har fel typ.", "The value has the wrong type.")),
            Map.entry("unknown_field", Texts.of("Lomakkeessa ei ole tätä kohtaa.", "Blanketten har inget sådant fält.",
                    "The form has no such field.")));

    private FormMessages() {
    }

    /** The text for {@code code} on {@code field} in {@code language}, with limits filled in. */
    public static String text(FieldDefinition field, String code, String language, Map<String, String> params) {
        Texts t = field == null ? null : field.errors().get(code);
        String s = (t != null ? t : DEFAULTS.get(code)).in(language);
        for (Map.Entry<String, String> p : params.entrySet()) {
            s = s.replace("{" + p.getKey() + "}", p.getValue());
        }
        return s;
    }
}
