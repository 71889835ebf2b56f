package fi.ikkuna;

import fi.ikkuna.audit.AccessLogService;
import fi.ikkuna.auth.AuthService;
import fi.ikkuna.console.ConsoleService;
import fi.ikkuna.conversation.ResidentSocket;
import fi.ikkuna.observe.HealthService;
import fi.ikkuna.observe.MetricsService;
import fi.ikkuna.queue.ProfessionalSocket;
import fi.ikkuna.rules.DraftService;
import fi.ikkuna.rules.RulesAdminService;
import fi.ikkuna.rules.WorkbenchService;
import fi.ikkuna.triage.api.SimulateService;
import fi.ikkuna.triage.api.Simulation;
import fi.ikkuna.web.SecurityHeaders;
import fi.ikkuna.web.UnhandledErrors;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.staticcontent.StaticContentService;
import io.helidon.webserver.websocket.WsRouting;

/** Wires configuration, components and routes; nothing else. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = configuration();
        Ikkuna ikkuna = Ikkuna.start(config);
        WebServer server = WebServer.builder().config(config.get("server")).update(b -> setup(b, ikkuna)).build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            ikkuna.close();
        }));
    }

    /** application.yaml, overridden by system properties and environment variables (Helidon's and the intuitive names). */
    static Config configuration() {
        Config defaults = Config.just(ConfigSources.classpath("application.yaml"));
        return Config.builder()
                .sources(ConfigSources.create(EnvAliases.of(defaults, System.getenv())), ConfigSources.classpath("application.yaml"))
                .build();
    }

    /** Routes of the service; shared by {@link #main} and the tests. */
    public static void setup(WebServerConfig.BuilderBase<?, ?> server, Ikkuna ikkuna) {
        edge(server);
        server.routing(r -> routing(r, ikkuna)).addRouting(wsRouting(ikkuna));
        ikkuna.closeWith(fi.ikkuna.web.ConnectionGuard.install(server, ikkuna.config));
    }

    /** Refusals of the transport itself (before routing): the edge's headers, no echoed message. */
    static void edge(WebServerConfig.BuilderBase<?, ?> server) {
        server.directHandlers(SecurityHeaders.directHandlers());
    }

    /** What every routed response passes through, whatever route (or none, or a failing one) answers it. */
    static void edge(HttpRouting.Builder r) {
        r.addFilter(new SecurityHeaders()).error(Throwable.class, new UnhandledErrors());
    }

    static void routing(HttpRouting.Builder r, Ikkuna app) {
        edge(r);
        r.get("/console", (req, res) -> res.status(Status.MOVED_PERMANENTLY_301).header(HeaderNames.LOCATION, "/console/").send())
                .register("/console/vendor/chart", classpathFiles("META-INF/resources/webjars/chart.js/4.5.1/dist", null)) // insights
                .register("/console", classpathFiles("web/console", "index.html"))
                .register("/api/insights", new fi.ikkuna.insights.InsightsService(app.db, app.auth, app.zone, app.config.get("ikkuna.insights")))
                .register("/api/console", new ConsoleService(app.auth, app.queueCatalog, app.rules::console))
                .register("/observe/health", new HealthService(app.db::healthy, app.pipeline::ready, app.pipeline::analysisDegraded,
                        app.cluster::natsConnected))
                .register("/observe/metrics", new MetricsService(app.metrics, app.config.get("ikkuna.observe.metrics-token").asString().orElse("")))
                .register("/identification", new fi.ikkuna.identification.IdentificationRoutes(app.identification,
                        new fi.ikkuna.identification.Completion(app.identification),
                        app.config.get("ikkuna.public-origin").asString().orElse(""),
                        app.config.get("ikkuna.auth.secure-cookies").asBoolean().orElse(false)))
                .register("/api/auth/oidc", app.staffSignIn)
                .register("/api/auth", new AuthService(app.accounts, app.sessions, app.auth, app.config.get("ikkuna.auth")))
                .register("/api/audit", new AccessLogService(app.db, app.auth))
                .register("/api/faq-picks", new fi.ikkuna.conversation.FaqPickService(app.auth, app.faqPicks, app::faqIndex))
                .register("/api/retention", new fi.ikkuna.retention.RetentionService(app.retention, app.auth))
                .register("/api/rules", new RulesAdminService(app.auth, app::reloadRules))
                .register("/api/triage", new SimulateService(app.pipeline, app.zone))
                .register("/api/workbench", new WorkbenchService(app.auth, app.ruleVersions, app.rules, app.corrections, app.queueCatalog))
                .register("/api/workbench/faq-proposals", new fi.ikkuna.rules.FaqProposalService(app.auth,
                        new fi.ikkuna.rules.FaqProposals(app.db), app.ruleDrafts, app::faqIndex))
                .register("/api/workbench/drafts", new DraftService(app.auth, app.ruleDrafts, app.ruleVersions, app.rules,
                        app.corrections, app.queueCatalog, new Simulation(app.zone),
                        app.config.get("ikkuna.workbench.compile-cache-mb").asLong().orElse(256L) << 20))
                .register("/api/forms", new fi.ikkuna.form.FormService(app.forms, app.formSubmissions, app.auth, app.contactRates,
                        app.identification))
                .register("/api/availability", new fi.ikkuna.appointment.AvailabilityService(app.availability, app.db, app.auth,
                        app.queueCatalog::ids, java.time.Clock.systemUTC(), app.zone))
                .register("/api/appointments/phone-calls", new fi.ikkuna.appointment.PhoneCallService(app.phoneCalls, app.auth))
                .register("/api/appointments", new fi.ikkuna.appointment.AppointmentService(app.appointmentRequests, app.bookings,
                        app.appointmentDays, app.auth, app.limits.maxTextLength(), app.contactRates))
                .register("/api/data-rights", new fi.ikkuna.datarights.DataRightsService(app.dataRights, app.zone))
                .register(new fi.ikkuna.widget.WidgetService(app.origins, app.staffing));
    }

    static WsRouting.Builder wsRouting(Ikkuna app) {
        return WsRouting.builder()
                .endpoint("/ws/resident", () -> new ResidentSocket(app.limits, app.origins, app.heartbeats, app.conversations,
                        app.hub, app.queues, app.contactRates, app.identification, app.proxies, app.calls))
                .endpoint("/ws/pro", () -> new ProfessionalSocket(app.limits, app.origins, app.heartbeats, app.sessions,
                        app.signedIn, app.professionals, app.handbacks, app.queues, app.hub, () -> app.rules.console().outcomeCodes(),
                        app.identification, app.proxies, app.calls));
    }

    /**
     * Static files from the classpath. Helidon 4.3 deprecates StaticContentService for StaticContentFeature, which is
     * configured on the server rather than registered on a route; moving there is a change of its own.
     */
    @SuppressWarnings("removal")
    private static HttpService classpathFiles(String location, String welcomeFile) {
        var files = StaticContentService.builder(location);
        if (welcomeFile != null) {
            files.welcomeFileName(welcomeFile);
        }
        return files.build();
    }
}
