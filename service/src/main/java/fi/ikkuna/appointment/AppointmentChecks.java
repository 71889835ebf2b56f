package fi.ikkuna.appointment;

import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.form.FieldChecks;
import fi.ikkuna.form.FieldError;
import fi.ikkuna.form.InvalidFields;

/** The only place residents' appointment input is rejected; every field is reported at once. */
final class AppointmentChecks {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private AppointmentChecks() {
    }

    record RequestInput(String text, String language, Integer age, AppointmentType type) {
    }

    record BookingInput(String requestId, String slotId, String phone) {
    }

    static RequestInput checkRequest(ObjectNode body, int maxTextLength) {
        Input in = new Input(body);
        in.only(Set.of("text", "language", "age", "type"));
        String text = in.text("text", true, maxTextLength);
        String language = in.oneOf("language", false, Set.of("fi", "sv", "en"));
        Integer age = in.integer("age", false, 0, 130);
        String type = in.oneOf("type", false, AvailabilityChecks.TYPES);
        in.done();
        return new RequestInput(text, language == null ? "fi" : language, age, type == null ? null : AppointmentType.fromWire(type));
    }

    /** Contact details are the minimum: only {@code contact.phone}, and only a phone appointment needs it. */
    static BookingInput checkBooking(ObjectNode body) {
        Input in = new Input(body);
        in.only(Set.of("requestId", "slotId", "contact"));
        String requestId = in.text("requestId", true, 36);
        String slotId = in.text("slotId", true, 36);
        if (requestId != null && !requestId.matches(UUID)) {
            in.fail("requestId", "invalid_id", "is not a request id");
        }
        if (slotId != null && !slotId.matches(UUID)) {
            in.fail("slotId", "invalid_id", "is not a slot id");
        }
        Input contact = in.object("contact");
        contact.only(Set.of("phone"));
        String raw = contact.text("phone", false, 32);
        String phone = raw == null ? null : FieldChecks.phone(raw);
        if (raw != null && phone == null) {
            contact.fail("phone", "invalid_phone", "must be a phone number such as 040 123 4567 or +358 40 123 4567");
        }
        in.done();
        return new BookingInput(requestId, slotId, phone);
    }

    /** Checked against the slot inside the booking transaction: a phone call cannot happen without a number. */
    static String checkPhoneFor(Slot slot, String phone) {
        if (slot.type() == AppointmentType.PHONE && phone == null) {
            throw new InvalidFields("A phone appointment needs a phone number", java.util.List.of(
                    new FieldError("contact.phone", "required", "Field 'contact.phone' is required for a phone appointment")));
        }
        // Video and chat appointments happen through the booking link: a number given anyway is not stored.
        return slot.type() == AppointmentType.PHONE ? phone : null;
    }
}
