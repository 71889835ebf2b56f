package fi.ikkuna;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.logging.Logger;

import fi.ikkuna.auth.Accounts;
import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.auth.Sessions;
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
import fi.ikkuna.rules.ActiveRules;
import fi.ikkuna.rules.Corrections;
import fi.ikkuna.rules.RuleDrafts;
import fi.ikkuna.rules.RuleVersions;
import fi.ikkuna.triage.DefaultQueuePipeline;
import fi.ikkuna.triage.RuleLoadException;
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
    final ActiveRules rules;
    final RuleVersions ruleVersions;
    final RuleDrafts ruleDrafts;
    final Corrections corrections;
    final fi.ikkuna.conversation.FaqPicks faqPicks;
    private final Path rulesDir;
    final WsLimits limits;
    final OriginPolicy origins;
    final Heartbeats heartbeats;
    final fi.ikkuna.web.ContactRates contactRates;
    final ConversationHub hub = new ConversationHub();
    final QueueService queues;
    final ConversationService conversations;
    final ProfessionalActions professionals;
    final Sessions sessions;
    final Authenticator auth;
    final Accounts accounts;
    final SignedInConnections signedIn;
    final fi.ikkuna.queue.Staffing staffing;
    final fi.ikkuna.conversation.Handbacks handbacks;
    final fi.ikkuna.form.FormCatalog forms;
    final fi.ikkuna.form.FormSubmissions formSubmissions;
    final fi.ikkuna.appointment.Availability availability;
    final fi.ikkuna.appointment.AppointmentRequests appointmentRequests;
    final fi.ikkuna.appointment.Bookings bookings;
    final fi.ikkuna.appointment.DayView appointmentDays;
    final fi.ikkuna.datarights.DataRights dataRights;
    final fi.ikkuna.identification.Identification identification;
    final fi.ikkuna.identification.StaffSignIn staffSignIn;
    final fi.ikkuna.proxy.Proxies proxies;
    final fi.ikkuna.retention.Retention retention;
    final fi.ikkuna.call.Calls calls;
    final fi.ikkuna.appointment.PhoneCalls phoneCalls;
    final fi.ikkuna.cluster.Cluster cluster;
    private final java.util.List<AutoCloseable> closing = new java.util.concurrent.CopyOnWriteArrayList<>();
    final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private Ikkuna(Config config) {
        this.config = config;
        Config ik = config.get("ikkuna");
        Clock clock = Clock.systemUTC();
        this.zone = ZoneId.of(ik.get("zone").asString().orElse("Europe/Helsinki"));
        Path dataDir = Path.of(ik.get("data.dir").asString().orElse("./data"));
        this.db = Database.open(ik.get("db"), dataDir);
        // Single node unless ikkuna.cluster.nats-url is set: then NATS carries notices between nodes (docs/cluster.md).
        this.cluster = fi.ikkuna.cluster.Cluster.start(fi.ikkuna.cluster.ClusterSettings.from(ik.get("cluster")), db);
        this.queueCatalog = new QueueCatalog(db);
        this.rulesDir = Path.of(ik.get("rules.dir").asString().orElse("triage-rules"));
        this.rules = new ActiveRules(new DefaultQueuePipeline(ik.get("rules.default-queue").asString().orElse("general"), false));
        this.pipeline = rules;
        this.ruleVersions = new RuleVersions(db, rules, Path.of(System.getProperty("java.io.tmpdir"), "ikkuna-rules"), zone, clock,
                compiled -> queueCatalog.doSync(compiled.pipeline().queues()), v -> fi.ikkuna.cluster.RuleActivations.announce(cluster, v));
        this.ruleDrafts = new RuleDrafts(db, rules, clock);
        this.corrections = new Corrections(db, zone);
        this.faqPicks = new fi.ikkuna.conversation.FaqPicks(db, clock, this::faqIndex);
        try {
            ruleVersions.doImportDirectory(rulesDir, false);
        } catch (RuleLoadException e) {
            // Health stays DOWN and contacts go to the default queue until a valid rule set is loaded.
            LOG.severe("Triage rules not loaded from " + rulesDir.toAbsolutePath() + ": " + e.getMessage());
        }
        closeWith(fi.ikkuna.cluster.RuleActivations.start(cluster, ruleVersions::refresh));
        this.limits = WsLimits.from(ik.get("ws"));
        String publicOrigin = ik.get("public-origin").asString().orElse("");
        this.origins = new OriginPolicy(limits.allowedOrigins(), publicOrigin);
        if (publicOrigin.isBlank()) {
            LOG.warning("ikkuna.public-origin is not set: the widget's WebSockets work only from loopback pages and "
                    + "ikkuna.ws.allowed-origins");
        }
        this.heartbeats = new Heartbeats(limits, Duration.ofSeconds(ik.get("ws.hello-timeout-seconds").asInt().orElse(10)));
        this.contactRates = fi.ikkuna.web.ContactRates.from(ik.get("connections"));
        this.queues = new QueueService(db, hub, clock, Duration.ofMinutes(ik.get("queue.minutes-per-contact").asInt().orElse(6)),
                Duration.ofMillis(ik.get("queue.publish-interval-ms").asInt().orElse(200)), ik.get("queue.board-limit").asInt().orElse(100),
                ik.get("queue.preview-chars").asInt().orElse(120));
        this.signedIn = new SignedInConnections(clock);
        // chat: every queue counts as staffed (demos and tests that chat with no console open).
        this.staffing = new fi.ikkuna.queue.Staffing(signedIn::online, queueCatalog::definitions, clock, zone,
                !"chat".equals(ik.get("widget.when-nobody-online").asString().orElse("contact-request")));
        queues.staffedBy(staffing);
        // The one after-commit seam: every do* records its frames in Database.tx; they reach this node's connections and
        // boards here, and with a NATS URL every other node's too (docs/cluster.md).
        fi.ikkuna.persistence.EventSink local = new fi.ikkuna.conversation.LocalEvents(hub, queues);
        db.deliverTo(cluster.events(local, ik.get("cluster.subject").asString().orElse("ikkuna.events")));
        this.conversations = new ConversationService(db, pipeline, clock, zone);
        this.professionals = new ProfessionalActions(db, clock, queueCatalog::ids, pipeline, zone);
        this.handbacks = new fi.ikkuna.conversation.Handbacks(db, clock);
        closeWith(new fi.ikkuna.queue.AssigneeLeases(signedIn, handbacks, clock,
                Duration.parse(ik.get("queue.assignee-grace").asString().orElse("PT2M")),
                Duration.ofMillis(ik.get("queue.lease-sweep-ms").asInt().orElse(5000)), cluster.once("assignee-leases"),
                cluster.presence()));
        // Fractions allowed: the expiry tests use a few seconds.
        this.sessions = new Sessions(db, Duration.ofMillis(Math.round(ik.get("auth.session-minutes").asDouble().orElse(480.0) * 60_000)),
                Duration.ofMillis(ik.get("auth.session-recheck-ms").asInt().orElse(1000)), clock);
        this.sessions.onSignOut(signedIn);
        this.sessions.sweepEvery(Duration.ofMillis(ik.get("auth.session-sweep-ms").asInt().orElse(5000)));
        this.auth = new Authenticator(sessions);
        this.accounts = new Accounts(db);
        this.forms = fi.ikkuna.form.FormCatalog.load(rulesDir.resolve("forms"));
        this.formSubmissions = new fi.ikkuna.form.FormSubmissions(db, conversations, clock, zone);
        this.availability = new fi.ikkuna.appointment.Availability(db, clock, zone, ik.get("appointments.horizon-weeks").asInt().orElse(8));
        this.appointmentRequests = new fi.ikkuna.appointment.AppointmentRequests(conversations, availability, clock, zone,
                ik.get("appointments.offer-limit").asInt().orElse(8));
        this.bookings = new fi.ikkuna.appointment.Bookings(db, clock, zone);
        this.appointmentDays = new fi.ikkuna.appointment.DayView(db, professionals, zone, clock);
        this.dataRights = fi.ikkuna.datarights.DataRights.from(ik, db, clock);
        this.identification = fi.ikkuna.identification.Identification.from(ik, db, clock);
        this.staffSignIn = fi.ikkuna.identification.StaffSignIn.from(ik, sessions, accounts, queueCatalog::ids);
        this.proxies = fi.ikkuna.proxy.Proxies.from(ik, db, clock, zone, identification);
        this.retention = fi.ikkuna.retention.Retention.from(ik, db, clock, zone);
        closeWith(retention.schedule(cluster.once("retention")));
        this.calls = new fi.ikkuna.call.Calls(new fi.ikkuna.appointment.CallBookings(db), conversations, db, clock,
                fi.ikkuna.call.CallSettings.from(ik.get("call")));
        this.phoneCalls = new fi.ikkuna.appointment.PhoneCalls(db, clock, zone,
                Duration.parse(ik.get("call.phone-done-early").asString().orElse("PT15M")));
        closeWith(new fi.ikkuna.appointment.ChatOpenings(db, clock, zone, signedIn::isOnline, signedIn::sendTo,
                Duration.ofMillis(ik.get("appointments.open-sweep-ms").asInt().orElse(15000))));
        String seed = ik.get("demo.seed").asString().orElse("auto");
        if ("always".equals(seed) || "auto".equals(seed) && db.embedded()) {
            accounts.doSeedDemo();
        }
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        Gauge.builder("ikkuna_ws_connections", heartbeats, Heartbeats::count).register(metrics);
        fi.ikkuna.insights.InsightsMetrics.bindTo(metrics, db, zone, ik.get("insights"));
    }

    /** Re-imports the rules directory as a new version when it changed; throws {@link RuleLoadException} and keeps the old one. */
    void reloadRules() {
        ruleVersions.doImportDirectory(rulesDir, true);
    }

    public static Ikkuna start(Config config) {
        return new Ikkuna(config);
    }

    /** Something the routes started that must stop with the service (e.g. a sweeper thread). */
    public void closeWith(AutoCloseable resource) {
        closing.add(resource);
    }

    /** The service's database, for tests that must look at what is stored (e.g. that it is sealed). */
    public Database database() {
        return db;
    }

    public boolean ready() {
        return db.healthy() && pipeline.ready();
    }

    @Override
    public void close() {
        for (AutoCloseable c : closing) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warning("Closing " + c + ": " + e);
            }
        }
        sessions.close();
        heartbeats.close();
        queues.close();
        cluster.close();
        db.close();
    }

    /** The FAQ of the active rule set: what professionals pick from and proposals are checked against. */
    fi.ikkuna.triage.faq.FaqIndex faqIndex() {
        return rules.active().rules().pipeline().ruleSet().faq();
    }
}
