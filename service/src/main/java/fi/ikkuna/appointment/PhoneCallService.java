package fi.ikkuna.appointment;

import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.ikkuna.auth.Authenticator;
import fi.ikkuna.auth.Principal;
import fi.ikkuna.web.Rest;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code POST /api/appointments/phone-calls}: "call done" of a phone appointment in My day (docs/appointments.md). */
public final class PhoneCallService implements HttpService {
    private final PhoneCalls calls;
    private final Authenticator auth;

    public PhoneCallService(PhoneCalls calls, Authenticator auth) {
        this.calls = calls;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", Rest.handle(this::record));
    }

    private void record(ServerRequest req, ServerResponse res) {
        Principal p = auth.checkSession(req).principal();
        Rest.send(res, 200, calls.doRecord(p, checkCode(Rest.checkBody(req))));
    }

    private static String checkCode(ObjectNode body) {
        Input in = new Input(body);
        in.only(Set.of("bookingCode"));
        String code = in.text("bookingCode", true, 16);
        in.done();
        return code;
    }
}
