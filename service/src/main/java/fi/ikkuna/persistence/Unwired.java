package fi.ikkuna.persistence;

/** The sink until {@link Database#deliverTo} is called: a committed effect with nowhere to go is a wiring bug, said loudly. */
final class Unwired implements EventSink {
    static final EventSink SINK = new Unwired();

    private Unwired() {
    }

    @Override
    public void toResidents(String conversationId, Object frame) {
        throw unwired();
    }

    @Override
    public void toProfessionals(String conversationId, Object frame) {
        throw unwired();
    }

    @Override
    public void revokeOutside(String conversationId, String queueId) {
        throw unwired();
    }

    @Override
    public void queueChanged(String queueId) {
        throw unwired();
    }

    private static IllegalStateException unwired() {
        return new IllegalStateException("No EventSink wired: call Database.deliverTo while building the service");
    }
}
