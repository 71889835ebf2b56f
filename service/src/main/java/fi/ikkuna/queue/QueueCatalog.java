package fi.ikkuna.queue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import fi.ikkuna.persistence.Database;
import fi.ikkuna.triage.QueueDefinition;

/** Mirrors the queues of the active rule set into the database, so stored conversations always name a known queue. */
public final class QueueCatalog {
    private final Database db;
    private volatile Set<String> ids = Set.of();
    private volatile List<QueueDefinition> definitions = List.of();

    public QueueCatalog(Database db) {
        this.db = db;
    }

    /** Inserts new queues and updates names; queues that disappear stay stored for history. */
    public void doSync(List<QueueDefinition> queues) {
        db.tx(em -> {
            for (QueueDefinition q : queues) {
                QueueEntity e = em.find(QueueEntity.class, q.id());
                String fi = q.names().getOrDefault("fi", q.id());
                String sv = q.names().getOrDefault("sv", fi);
                String en = q.names().getOrDefault("en", fi);
                if (e == null) {
                    em.persist(new QueueEntity(q.id(), fi, sv, en, q.service()));
                } else {
                    e.update(fi, sv, en, q.service());
                }
            }
            return null;
        });
        ids = queues.stream().map(QueueDefinition::id).collect(Collectors.toUnmodifiableSet());
        definitions = List.copyOf(queues);
    }

    /** The service area of a queue, or null for a queue the active rule set does not have. */
    public String serviceOf(String queueId) {
        return definitions.stream().filter(q -> q.id().equals(queueId)).map(QueueDefinition::service).findFirst().orElse(null);
    }

    /** Queue names in a language, in the rule set's order. */
    public java.util.Map<String, String> names(String lang) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        definitions.forEach(q -> out.put(q.id(), q.names().getOrDefault(lang, q.names().getOrDefault("fi", q.id()))));
        return out;
    }

    /** The active rule set's queues with their opening hours. */
    public List<QueueDefinition> definitions() {
        return definitions;
    }

    /** Ids of the queues of the active rule set: the valid transfer targets. */
    public Set<String> ids() {
        return ids;
    }
}
