package fi.ikkuna.appointment;

import java.time.Instant;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.EntityManager;

/** A booking as its resident sees it through the link; the phone number is masked in case the link leaks. */
final class BookingJson {
    private BookingJson() {
    }

    static ObjectNode view(EntityManager em, Booking b, Slot s, ZoneId zone, Instant now) {
        SlotJson json = new SlotJson(em, zone);
        ObjectNode o = fi.ikkuna.web.Json.object().put("code", b.code()).put("state", b.active() ? "active" : "cancelled")
                .put("createdAt", json.time(b.createdAt()));
        o.set("slot", json.slot(s));
        o.put("phone", mask(b.phone()));
        o.put("cancelledAt", b.cancelledAt() == null ? null : json.time(b.cancelledAt()));
        o.put("cancelledBy", b.cancelledBy());
        o.put("cancellable", b.active() && s.startAt().isAfter(now));
        return o;
    }

    static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        int keep = Math.min(4, phone.length());
        return "•".repeat(phone.length() - keep) + phone.substring(phone.length() - keep);
    }
}
