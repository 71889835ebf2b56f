package fi.ikkuna.appointment;

import java.time.LocalDate;

import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.web.ErrorCode;
import fi.ikkuna.web.ProtocolException;
import fi.ikkuna.web.Rest;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;

import fi.ikkuna.web.ContactRates;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code /api/appointments}: requests and bookings for residents (no sign-in; the booking token is the key),
 * the day view and the at-risk list for signed-in professionals. docs/appointments.md documents each route.
 */
public final class AppointmentService implements HttpService {
    private final AppointmentRequests requests;
    private final Bookings bookings;
    private final DayView days;
    private final Authenticator auth;
    private final int maxTextLength;
    private final ContactRates contactRates;

    public AppointmentService(AppointmentRequests requests, Bookings bookings, DayView days, Authenticator auth, int maxTextLength,
                              ContactRates contactRates) {
        this.contactRates = contactRates;
        this.requests = requests;
        this.bookings = bookings;
        this.days = days;
        this.auth = auth;
        this.maxTextLength = maxTextLength;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/requests", Rest.handle(this::request))
                .post("/bookings", Rest.handle(this::book))
                .get("/bookings/{token}", Rest.handle(this::view))
                .delete("/bookings/{token}", Rest.handle(this::cancel))
                .get("/day", Rest.handle(this::day))
                .get("/at-risk", Rest.handle(this::atRisk));
    }

    private void request(ServerRequest req, ServerResponse res) {
        AppointmentChecks.RequestInput in = AppointmentChecks.checkRequest(Rest.checkBody(req), maxTextLength);
        contactRates.checkNewContact(req.remotePeer().host());
        Rest.send(res, 200, requests.doRequest(in).body());
    }

    private void book(ServerRequest req, ServerResponse res) {
        AppointmentChecks.BookingInput in = AppointmentChecks.checkBooking(Rest.checkBody(req));
        Bookings.Booked b = bookings.doBook(in);
        Rest.send(res, 201, b.view().put("token", b.token()).put("path", "/api/appointments/bookings/" + b.token()));
    }

    private void view(ServerRequest req, ServerResponse res) {
        Rest.send(res, 200, bookings.view(req.path().pathParameters().get("token")));
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        Rest.send(res, 200, bookings.doCancel(req.path().pathParameters().get("token")));
    }

    private void day(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkSession(req).principal();
        String date = req.query().first("date").orElseThrow(() -> new ProtocolException(ErrorCode.MISSING_FIELD, "date is required", "date"));
        LocalDate d;
        try {
            d = LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "date must be yyyy-mm-dd", "date");
        }
        Rest.send(res, 200, days.day(p, d));
    }

    private void atRisk(ServerRequest req, ServerResponse res) {
        Rest.send(res, 200, days.atRisk(auth.checkSession(req).principal()));
    }
}
