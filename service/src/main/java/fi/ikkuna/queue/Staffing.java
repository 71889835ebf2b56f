package fi.ikkuna.queue;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import fi.ikkuna.auth.Principal;
import fi.ikkuna.triage.QueueDefinition;

/**
 * Whether anyone can answer now. A queue is staffed when it is within its opening hours (queues.yaml, Finnish public
 * holidays included) and a signed-in professional who serves it has a console open. Only the role
 * {@code professional} answers residents: an administrator sees every queue, and rules editors and managers none,
 * but none of them staffs the chat. A service is staffed when one of its queues is. docs/widget.md, "Staffed".
 */
public final class Staffing {
    static final String ANSWERING_ROLE = "professional";

    private final Supplier<Collection<Principal>> online;
    private final Supplier<List<QueueDefinition>> queues;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean required;

    /** {@code required == false} ({@code ikkuna.widget.when-nobody-online: chat}) counts every queue staffed: demos, tests. */
    public Staffing(Supplier<Collection<Principal>> online, Supplier<List<QueueDefinition>> queues, Clock clock, ZoneId zone,
                    boolean required) {
        this.online = online;
        this.queues = queues;
        this.clock = clock;
        this.zone = zone;
        this.required = required;
    }

    /** Ids of the queues someone can answer now. */
    public Set<String> staffedQueues() {
        ZonedDateTime now = clock.instant().atZone(zone);
        Collection<Principal> answering = answering();
        return queues.get().stream()
                .filter(q -> !required || q.isOpen(now) && answering.stream().anyMatch(p -> p.queues().contains(q.id())))
                .map(QueueDefinition::id).collect(Collectors.toUnmodifiableSet());
    }

    public boolean staffed(String queueId) {
        return staffedQueues().contains(queueId);
    }

    /** Service areas with at least one staffed queue. */
    public Set<String> staffedServices() {
        Set<String> staffed = staffedQueues();
        return queues.get().stream().filter(q -> staffed.contains(q.id())).map(QueueDefinition::service)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Professionals online who serve the queue (for the wait estimate), at least 1. */
    public long serving(String queueId) {
        return Math.max(1, answering().stream().filter(p -> p.queues().contains(queueId)).count());
    }

    private Collection<Principal> answering() {
        return online.get().stream().filter(p -> ANSWERING_ROLE.equals(p.role())).toList();
    }
}
