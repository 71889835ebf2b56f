package fi.ikkuna.loadtest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Zero lost, zero duplicated: every message the harness sent was acked once; every acked client id is in the
 * database exactly once with the acked seq; per conversation the seqs are 1..n without gaps (no internal
 * notes are sent), and the resident's connection received exactly that set, each once.
 */
final class Verifier {
    private final Harness h;
    private final Traffic t;
    private final RunDatabase db;

    Verifier(Harness h, Traffic t, RunDatabase db) {
        this.h = h;
        this.t = t;
        this.db = db;
    }

    /** Reports the client and database sides; returns the number of problems. Call with every connection dropped. */
    int verify() throws SQLException {
        long total = t.sent.size();
        long notAcked = t.sent.values().stream().filter(x -> x.acks.get() == 0).count();
        long measuredNotDelivered = t.sent.values().stream().filter(x -> x.measured && x.acks.get() > 0 && x.deliveries.get() == 0).count();
        long multiDelivered = t.sent.values().stream().filter(x -> x.deliveries.get() > 1).count();
        h.line("### Verification (every sequence number)");
        h.line("");
        h.line(String.format(Locale.ROOT, "- client side: %d messages sent; %d acked more than once, %d acks flagged duplicate, %d delivered live more than once, "
                        + "%d duplicate seq frames at residents; in flight when the run stopped (a real client resends these from its outbox): "
                        + "%d not acked yet, %d acked but not yet delivered live to the other side",
                total, t.dupAcks.get(), t.duplicateFlagged.get(), multiDelivered, t.dupSeqFrames.get(), notAcked, measuredNotDelivered));
        int problems = (int) (t.dupAcks.get() + t.duplicateFlagged.get() + multiDelivered + t.dupSeqFrames.get());
        if (db.jdbcUrl() == null) {
            h.line("- database side: not checked (no MariaDB database of this run)");
            return problems;
        }
        Map<String, ResidentClient> byConversation = new HashMap<>();
        for (ResidentClient r : t.residents) {
            if (r != null && r.conversationId != null) {
                byConversation.put(r.conversationId, r);
            }
        }
        Map<String, Long> dbSeq = new HashMap<>();           // conversationId|clientMsgId -> seq
        Map<String, BitSet> seqsByConversation = new HashMap<>();
        long rows = 0;
        long dupIds = 0;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT conversation_id, seq, client_msg_id, internal FROM message")) {
                while (rs.next()) {
                    rows++;
                    String conv = rs.getString(1);
                    long seq = rs.getLong(2);
                    String cid = rs.getString(3);
                    BitSet bs = seqsByConversation.computeIfAbsent(conv, k -> new BitSet());
                    bs.set((int) seq);
                    if (cid != null && dbSeq.put(conv + "|" + cid, seq) != null) {
                        dupIds++;
                    }
                }
            }
        }
        long ackedMissing = 0;
        long seqMismatch = 0;
        long unackedStored = 0;
        for (Map.Entry<String, Traffic.Msg> e : t.sent.entrySet()) {
            Traffic.Msg msg = e.getValue();
            ResidentClient r = t.residents[msg.resident];
            Long seq = dbSeq.get(r.conversationId + "|" + e.getKey());
            if (msg.acks.get() == 0) {
                if (seq != null) {
                    unackedStored++;
                }
                continue;
            }
            if (seq == null) {
                ackedMissing++;
            } else if (seq != msg.ackSeq) {
                seqMismatch++;
            }
        }
        long gapConversations = 0;
        long residentGaps = 0;
        long residentExtra = 0;
        long notYetDelivered = 0;
        for (Map.Entry<String, BitSet> e : seqsByConversation.entrySet()) {
            BitSet bs = e.getValue();
            int count = bs.cardinality();
            if (bs.nextClearBit(1) != count + 1 || bs.get(0)) {
                gapConversations++;
            }
            ResidentClient r = byConversation.get(e.getKey());
            if (r != null) {
                BitSet seen;
                synchronized (r.seqs) {
                    seen = (BitSet) r.seqs.clone();
                }
                int maxSeen = seen.length() - 1;
                // the resident's view must be exactly 1..maxSeen (no gap, nothing the database does not have)
                if (maxSeen > 0 && (seen.nextClearBit(1) != maxSeen + 1 || seen.get(0))) {
                    residentGaps++;
                }
                BitSet extra = (BitSet) seen.clone();
                extra.andNot(bs);
                if (!extra.isEmpty()) {
                    residentExtra++;
                }
                notYetDelivered += Math.max(0, count - Math.max(0, maxSeen));
            }
        }
        h.line(String.format(Locale.ROOT, "- database side: %d message rows in %d conversations; %d acked messages missing (lost), %d stored with another seq than acked, "
                        + "%d client ids stored twice, %d conversations with a seq gap; residents: %d with a gap in the seqs they received, "
                        + "%d received a seq the database does not have; %d stored messages not yet received by the resident at the stop, "
                        + "%d of the unacked messages were already committed",
                rows, seqsByConversation.size(), ackedMissing, seqMismatch, dupIds, gapConversations, residentGaps, residentExtra,
                notYetDelivered, unackedStored));
        problems += (int) (ackedMissing + seqMismatch + dupIds + gapConversations + residentGaps + residentExtra);
        h.line("- verdict: " + (problems == 0 ? "**zero lost, zero duplicated, no gaps**" : "**" + problems + " problems**")
                + (notAcked + measuredNotDelivered > 0 ? String.format(Locale.ROOT, " (%d messages still in flight at the stop: the service was behind)", notAcked + measuredNotDelivered) : ""));
        return problems;
    }
}
