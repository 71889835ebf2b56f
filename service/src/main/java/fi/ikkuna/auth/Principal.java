package fi.ikkuna.auth;

import java.util.Set;

/** A signed-in professional as the request handlers see it. */
public record Principal(String id, String username, String displayName, String title, String role, Set<String> queues) {

    public boolean isAdministrator() {
        return "administrator".equals(role);
    }

    public static Principal of(Professional p) {
        return new Principal(p.id(), p.username(), p.displayName(), p.title(), p.role(), p.queues());
    }
}
