package fi.ikkuna.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.conversation.ConversationHub;
import fi.ikkuna.conversation.ConversationService;
import fi.ikkuna.conversation.ConversationState;
import fi.ikkuna.conversation.ConversationView;
import fi.ikkuna.conversation.QueueQueries;
import fi.ikkuna.conversation.ResidentSocket;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.protocol.Connection;
import fi.ikkuna.web.Json;

/**
 * Queue order (urgency, then deadline, then arrival), residents' live positions and professionals' boards.
 * Changes are coalesced per queue and published at most every {@code publishInterval}, so a busy queue
 * costs one query per interval, not one per event.
 */
public final class QueueService implements ConversationService.QueueChanges, ResidentSocket.ResidentQueueInfo, AutoCloseable {
    /**
     * The queue order; the database cannot sort the enum by rank, so it happens here. Within an urgency, conversations
     * whose assignee left (lease expired, handed back) come first: their resident was already being served.
     */
    public static final Comparator<ConversationView> ORDER = Comparator
            .comparing((ConversationView v) -> v.urgency() == null ? Integer.MAX_VALUE : v.urgency().ordinal())
            .thenComparing(ConversationView::returnedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ConversationView::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ConversationView::queuedAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private final Database db;
    private final ConversationHub hub;
    private final Clock clock;
    private final Duration perContact;
    private final int boardLimit;
    private volatile Staffing staffing;
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    /** Each console watching boards: the professional's id (for the access log) and her queues. */
    private record Watcher(String professionalId, Set<String> queues) {
    }

    private final Map<Connection, Watcher> boards = new ConcurrentHashMap<>();
    private final BoardPreviews previews;
    private final BoardViews views;
    private final Thread publisher;
    private volatile boolean running = true;

    public QueueService(Database db, ConversationHub hub, Clock clock, Duration perContact, Duration publishInterval, int boardLimit,
                        int previewChars) {
        this.boardLimit = boardLimit;
        this.previews = new BoardPreviews(db, fi.ikkuna.privacy.Deidentifier.standard(), previewChars);
        this.views = new BoardViews(db, clock);
        this.db = db;
        this.hub = hub;
        this.clock = clock;
        this.perContact = perContact;
        this.publisher = Thread.ofVirtual().name("queue-publisher").start(() -> publishLoop(publishInterval));
    }

    /** Set once at start: who can answer decides the estimate and whether residents are promised one at all. */
    public void staffedBy(Staffing s) {
        this.staffing = s;
    }

    @Override
    public void changed(String queueId) {
        if (queueId != null) {
            dirty.add(queueId);
        }
    }

    public List<ConversationView> waiting(String queueId) {
        return db.read(em -> QueueQueries.inState(em, queueId, ConversationState.QUEUED)).stream().sorted(ORDER).toList();
    }

    @Override
    public ObjectNode positionFrame(String conversationId) {
        ConversationView v = db.read(em -> QueueQueries.view(em, conversationId));
        List<ConversationView> list = waiting(v.queueId());
        int position = 1 + (int) list.stream().takeWhile(c -> !c.id().equals(conversationId)).count();
        return positionFrame(v.queueId(), position);
    }

    /** Shows the professional the waiting list of each of their queues, and keeps it live. */
    public void watch(Connection c, String professionalId, Set<String> queues) {
        boards.put(c, new Watcher(professionalId, queues));
        queues.forEach(q -> deliver(q, waiting(q), Map.of(c, professionalId)));
        // Someone arrived: residents waiting there get a fresh estimate, or learn the queue is staffed again.
        queues.forEach(this::changed);
    }

    public void unwatch(Connection c) {
        Watcher w = boards.remove(c);
        if (w != null) {
            if (boards.values().stream().noneMatch(o -> o.professionalId().equals(w.professionalId()))) {
                views.forget(w.professionalId());
            }
            w.queues().forEach(this::changed);
        }
    }

    private void publishLoop(Duration interval) {
        while (running) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            for (String q : Set.copyOf(dirty)) {
                dirty.remove(q);
                try {
                    publish(q);
                } catch (RuntimeException e) {
                    dirty.add(q);
                }
            }
        }
    }

    private void publish(String queueId) {
        List<ConversationView> list = waiting(queueId);
        boolean staffed = staffing.staffed(queueId);
        long serving = staffing.serving(queueId);
        for (int i = 0; i < list.size(); i++) {
            hub.toResidents(list.get(i).id(), positionFrame(queueId, i + 1, staffed, serving));
        }
        Map<Connection, String> to = new java.util.HashMap<>();
        boards.forEach((c, w) -> {
            if (w.queues().contains(queueId)) {
                to.put(c, w.professionalId());
            }
        });
        if (!to.isEmpty()) {
            deliver(queueId, list, to);
        }
    }

    /** One snapshot for these consoles; its previews only once reading them is in the access log (BoardViews). */
    private void deliver(String queueId, List<ConversationView> list, Map<Connection, String> to) {
        List<ConversationView> shown = list.stream().limit(boardLimit).toList();
        Map<String, String> text = previews.of(queueId, shown);
        boolean logged = !previews.enabled() || views.accessPreviews(to.values(), shown.stream().map(ConversationView::id).toList());
        String snapshot = Json.write(snapshot(queueId, list.size(), shown, logged ? text : Map.of()));
        to.keySet().forEach(c -> c.sendText(snapshot));
    }

    private ObjectNode positionFrame(String queueId, int position) {
        return positionFrame(queueId, position, staffing.staffed(queueId), staffing.serving(queueId));
    }

    /**
     * Estimated wait: contacts ahead times the handling time, shared by the professionals serving the queue. An
     * unstaffed queue (closed, or nobody of it online) promises nothing: {@code staffed: false} and no estimate.
     */
    private ObjectNode positionFrame(String queueId, int position, boolean staffed, long serving) {
        ObjectNode o = Json.object().put("type", "queue").put("queue", queueId).put("position", position).put("staffed", staffed);
        o.put("estimatedWaitSeconds", staffed ? Long.valueOf(perContact.toSeconds() * position / serving) : null);
        return o;
    }

    /** The board shows the first {@code boardLimit} in queue order and the total: nobody reads past that, and a peak stays cheap. */
    private ObjectNode snapshot(String queueId, int total, List<ConversationView> shown, Map<String, String> previewText) {
        ObjectNode o = Json.object().put("type", "queue_snapshot").put("queue", queueId).put("at", clock.instant().toString())
                .put("total", total);
        ArrayNode items = o.putArray("items");
        shown.forEach(v -> items.add(v.toJson().put("preview", previewText.get(v.id()))));
        return o;
    }

    @Override
    public void close() {
        running = false;
        publisher.interrupt();
    }
}
