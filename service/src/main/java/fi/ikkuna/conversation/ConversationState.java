package fi.ikkuna.conversation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The conversation lifecycle as an explicit state machine.
 * new → triaged → (self_served | queued) → assigned → closed; assigned → queued is a transfer or return;
 * self_served → queued when the resident still wants a person. Anything else is illegal.
 */
public enum ConversationState {
    NEW, TRIAGED, SELF_SERVED, QUEUED, ASSIGNED, CLOSED;

    private static final Map<ConversationState, Set<ConversationState>> NEXT = Map.of(
            NEW, EnumSet.of(TRIAGED, CLOSED),
            TRIAGED, EnumSet.of(SELF_SERVED, QUEUED, CLOSED),
            SELF_SERVED, EnumSet.of(QUEUED, CLOSED),
            QUEUED, EnumSet.of(ASSIGNED, CLOSED),
            ASSIGNED, EnumSet.of(QUEUED, CLOSED),
            CLOSED, EnumSet.noneOf(ConversationState.class));

    public boolean canMoveTo(ConversationState target) {
        return NEXT.get(this).contains(target);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
