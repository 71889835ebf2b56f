package fi.ikkuna.insights;

import java.util.Set;

import fi.ikkuna.auth.Accounts;

/**
 * The {@code manager} role: reads the insights and nothing else (no queues, so no conversations). The demo
 * manager is seeded through {@link Accounts#doEnsure}, like the other demo accounts.
 */
public final class ManagerRole {
    public static final String ROLE = "manager";
    public static final String DEMO_USERNAME = "johtaja";
    public static final String DEMO_PASSWORD = "johtaja-demo";

    private ManagerRole() {
    }

    /** Seeds the documented demo manager; the same line belongs in {@code Accounts.doSeedDemo}. */
    public static void doSeedDemo(Accounts accounts) {
        accounts.doEnsure(DEMO_USERNAME, DEMO_PASSWORD, "Maija Lehtonen", "palvelupäällikkö", ROLE, Set.of());
    }
}
