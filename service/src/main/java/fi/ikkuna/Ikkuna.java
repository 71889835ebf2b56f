package fi.ikkuna;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import fi.ikkuna.auth.Accounts;
import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.auth.Sessions;
import fi.ikkuna.console.ConsoleContent;
import fi.ikkuna.conversation.ConversationHub;
import fi.ikkuna.conversation.ConversationService;
import fi.ikkuna.conversation.ProfessionalActions;
import fi.ikkuna.persistence.Database;
import fi.ikkuna.protocol.Heartbeats;
import fi.ikkuna.protocol.OriginPolicy;
import fi.ikkuna.protocol.WsLimits;
import fi.ikkuna.queue.QueueService;
import fi.ikkuna.queue.SignedInConnections;
import fi.ikkuna.queue.QueueCatalog;
import fi.ikkuna.triage.DefaultQueuePipeline;
import fi.ikkuna.triage.RuleLoadException;
import fi.ikkuna.triage.RuleTriagePipeline;
import fi.ikkuna.triage.TriagePipeline;
import io.helidon.config.Config;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The service's components, built once from configuration; {@link Main} and the tests wire routes to them. */
public final class Ikkuna implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Ikkuna.class.getName());
    final Config config;
    final Database db;
    final TriagePipeline pipeline;
    final ZoneId zone;
    final QueueCatalog queueCatalog;
    final AtomicReference<ConsoleContent> consoleContent = new AtomicReference<>();
    private final Path rulesDir;
    final WsLimits limits;
    final OriginPolicy origins;
    final Heartbeats heartbeats;
    final ConversationHub hub = new ConversationHub();
    final QueueService queues;
    final ConversationService conversations;
    final ProfessionalActions professionals;
    final Sessions sessions;
    final Authenticator auth;
    final Accounts accounts;
    final SignedInConnections signedIn = new SignedInConnections();
    final fi.ikkuna.form.FormCatalog forms;
    final fi.ikkuna.form.FormSubmissions formSubmissions;
    final fi.ikkuna.appointment.Availability availability;
    final fi.ikkuna.appointment.AppointmentRequests appointmentRequests;
    final fi.ikkuna.appointment.Bookings bookings;
    final fi.ikkuna.appointment.DayView appointmentDays;
    final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private Ikkuna(Config config) {
        this.config = config;
        Config ik = config.get("ikkuna");
        Clock clock = Clock.systemUTC();
        this.zone = ZoneId.of(ik.get("zone").asString().orElse("Europe/Helsinki"));
        this.db = Database.open(ik.get("db"), Path.of(ik.get("data.dir").asString().orElse("./data")));
        this.queueCatalog = new QueueCatalog(db);
        this.rulesDir = Path.of(ik.get("rules.dir").asString().orElse("triage-rules"));
        this.pipeline = loadRules(rulesDir, zone,
                ik.get("rules.default-queue").asString().orElse("general"));
        this.limits = WsLimits.from(ik.get("ws"));
        this.origins = new OriginPolicy(limits.allowedOrigins());
        this.heartbeats = new Heartbeats(limits);
        this.queues = new QueueService(db, hub, clock, Duration.ofMinutes(ik.get("queue.minutes-per-contact").asInt().orElse(6)),
                Duration.ofMillis(ik.get("queue.publish-interval-ms").asInt().orElse(200)));
        this.conversations = new ConversationService(db, pipeline, clock, zone, hub, queues);
        this.professionals = new ProfessionalActions(db, clock, hub, queues, queueCatalog::ids);
        this.sessions = new Sessions(Duration.ofMinutes(ik.get("auth.session-minutes").asInt().orElse(480)), clock);
        this.sessions.onSignOut(signedIn);
        this.auth = new Authenticator(sessions);
        this.accounts = new Accounts(db);
        this.forms = fi.ikkuna.form.FormCatalog.load(rulesDir.resolve("forms"));
        this.formSubmissions = new fi.ikkuna.form.FormSubmissions(db, conversations, clock, zone);
        this.availability = new fi.ikkuna.appointment.Availability(db, clock, zone, ik.get("appointments.horizon-weeks").asInt().orElse(8));
        this.appointmentRequests = new fi.ikkuna.appointment.AppointmentRequests(conversations, availability, clock, zone,
                ik.get("appointments.offer-limit").asInt().orElse(8));
        this.bookings = new fi.ikkuna.appointment.Bookings(db, clock, zone, queues);
        this.appointmentDays = new fi.ikkuna.appointment.DayView(db, professionals, zone);
        String seed = ik.get("demo.seed").asString().orElse("auto");
        if ("always".equals(seed) || "auto".equals(seed) && db.embedded()) {
            accounts.doSeedDemo();
        }
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        Gauge.builder("ikkuna_ws_connections", heartbeats, Heartbeats::count).register(metrics);
    }

    /**
     * Loads the rule set. An invalid directory leaves the service up but not ready (health DOWN) with the
     * fallback pipeline, so the error is visible in health and logs instead of a crash loop.
     */
    private TriagePipeline loadRules(Path dir, ZoneId zone, String defaultQueue) {
        try {
            RuleTriagePipeline rules = RuleTriagePipeline.load(dir, zone);
            queueCatalog.doSync(rules.queues());
            consoleContent.set(ConsoleContent.load(dir, queueCatalog.ids()));
            return rules;
        } catch (RuleLoadException e) {
            LOG.severe("Triage rules not loaded from " + dir.toAbsolutePath() + ": " + e.getMessage());
            consoleContent.set(new ConsoleContent(java.util.List.of(new ConsoleContent.Outcome("closed", java.util.Map.of())),
                    java.util.List.of()));
            return new DefaultQueuePipeline(defaultQueue, false);
        }
    }

    /** Re-reads the rules directory and swaps the rule set in; throws {@link RuleLoadException} and keeps the old one. */
    void reloadRules() {
        if (!(pipeline instanceof RuleTriagePipeline rules)) {
            throw new RuleLoadException(rulesDir, 0, "the rule set failed to load at start-up; fix it and restart");
        }
        rules.reload();
        queueCatalog.doSync(rules.queues());
        // console.yaml is checked against the new queues; when it is invalid the previous console content stays.
        consoleContent.set(ConsoleContent.load(rulesDir, queueCatalog.ids()));
    }

    public static Ikkuna start(Config config) {
        return new Ikkuna(config);
    }

    public boolean ready() {
        return db.healthy() && pipeline.ready();
    }

    @Override
    public void close() {
        heartbeats.close();
        queues.close();
        db.close();
    }
}
