package fi.ikkuna.datarights;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.conversation.ConversationEvent;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.web.Json;

/**
 * A strongly identified resident's own data (docs/data-rights.md): their contacts, bookings and form submissions and
 * who has read them. One read is one transaction that also records it: a {@code data_rights_read} event on the
 * conversation that asked (what was read in its detail) — the resident's own read, not a professional's access-log row.
 */
public final class DataRights {
    /** What a read returned, recorded in the event's detail. */
    static final Set<String> READS = Set.of("view", "export_json", "export_html");
    private final Database db;
    private final Clock clock;
    private final DataRightsSettings settings;

    DataRights(Database db, Clock clock, DataRightsSettings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    public static DataRights from(io.helidon.config.Config ik, Database db, Clock clock) {
        return new DataRights(db, clock, DataRightsSettings.from(ik.get("data-rights")));
    }

    /** Everything the person may see, as JSON; {@code read} is one of {@link #READS}. */
    ObjectNode doRead(String resumeToken, String read) {
        if (!READS.contains(read)) {
            throw new IllegalArgumentException(read);
        }
        Instant now = clock.instant();
        return db.tx(em -> {
            Identified who = Identified.check(em, resumeToken, settings, clock);
            List<String> ids = MyContacts.conversationIds(em, who.personKey());
            ObjectNode out = Json.object().put("generatedAt", now.toString()).put("identificationLevel", who.level());
            MyContacts.write(em, ids, out);
            AccessHistory.write(em, ids, settings, now, out);
            em.persist(new ConversationEvent(who.conversationId(), now, "data_rights_read", null, null, null, read));
            return out;
        });
    }
}
