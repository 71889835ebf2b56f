package fi.ikkuna.auth;

import java.util.Set;

/** A signed-in professional as the request handlers see it. */
public record Principal(String id, String username, String displayName, String title, String role, Set<String> queues) {

    public boolean isAdministrator() {
        return "administrator".equals(role);
    }

    /**
     * The page this role signs in to: each role starts where its work is (issue 14.9). A rules editor and a manager
     * serve no queue, so the console's board would be empty for them; administrators keep the console (access log).
     */
    public String landing() {
        return switch (role) {
            case "rules_editor" -> "/console/workbench.html";
            case "manager" -> "/console/insights.html";
            default -> "/console/";
        };
    }

    public static Principal of(Professional p) {
        return new Principal(p.id(), p.username(), p.displayName(), p.title(), p.role(), p.queues());
    }
}
