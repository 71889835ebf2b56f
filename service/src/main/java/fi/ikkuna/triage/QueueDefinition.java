package fi.ikkuna.triage;

import fi.ikkuna.triage.calendar.OpeningHours;

import java.time.ZonedDateTime;
import java.util.Map;

/**
 * A queue from queues.yaml.
 *
 * @param id      fixed queue id (health, prescriptions, ...)
 * @param service service area the queue belongs to
 * @param names   display names by language (fi, sv, en)
 * @param hours   opening hours
 */
public record QueueDefinition(String id, String service, Map<String, String> names, OpeningHours hours) {

    public boolean isOpen(ZonedDateTime at) {
        return hours.isOpen(at);
    }
}
