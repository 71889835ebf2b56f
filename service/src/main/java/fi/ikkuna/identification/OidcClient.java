package fi.ikkuna.identification;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * The relying party's half of the authorization code flow, done by the Nimbus OAuth 2.0 / OpenID Connect SDK:
 * the authorization request (state, nonce, PKCE S256, acr_values), the code exchange and the ID token check —
 * signature against the provider's published JWKS (refetched when a new key id appears), issuer, audience, expiry
 * (with the configured clock skew) and nonce. What the token says is judged by the caller (acr, claims).
 */
final class OidcClient {
    private static final Logger LOG = Logger.getLogger(OidcClient.class.getName());
    private final OidcSettings settings;
    private volatile Provider provider;

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    OidcClient(OidcSettings settings) {
        this.settings = settings;
    }

    /** The provider's authorization endpoint with this attempt's state, nonce and code challenge. */
    URI authorizationUri(String redirectUri, String state, String nonce, String verifier, List<String> acrValues, String lang) {
        AuthenticationRequest.Builder b = new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse(settings.scope()),
                new ClientID(settings.clientId()), URI.create(redirectUri))
                .endpointURI(provider().metadata().getAuthorizationEndpointURI())
                .state(new State(state)).nonce(new Nonce(nonce))
                .codeChallenge(new CodeVerifier(verifier), CodeChallengeMethod.S256);
        if (!acrValues.isEmpty()) {
            b.acrValues(acrValues.stream().map(ACR::new).toList());
        }
        try {
            b.uiLocales(List.of(LangTag.parse(lang)));
        } catch (LangTagException e) {
            // an unknown language only loses the provider's UI language hint
        }
        return b.build().toURI();
    }

    /** Exchanges the code (with the PKCE verifier) and returns the claims of a valid ID token; {@link Refused} otherwise. */
    JWTClaimsSet redeem(String code, String verifier, String redirectUri, String nonce) {
        Provider p = provider();
        TokenRequest request = new TokenRequest.Builder(p.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(settings.clientId()), new Secret(settings.clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(redirectUri), new CodeVerifier(verifier))).build();
        JWT idToken;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(settings.timeoutMs());
            http.setReadTimeout(settings.timeoutMs());
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                // e.g. invalid_grant: a code used before, or a verifier that does not match the challenge
                throw new Refused("code_rejected", String.valueOf(response.toErrorResponse().getErrorObject().getCode()));
            }
            idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        } catch (IOException | ParseException | ClassCastException e) {
            throw new Refused("provider_unreachable", e.getClass().getSimpleName());
        }
        if (idToken == null) {
            throw new Refused("token_missing", "no id_token in the token response");
        }
        try {
            return p.validator().validate(idToken, new Nonce(nonce)).toJWTClaimsSet();
        } catch (BadJWSException e) {
            throw new Refused("token_signature", e.getMessage());
        } catch (BadJOSEException e) {
            throw new Refused(claimReason(e.getMessage()), e.getMessage());
        } catch (JOSEException | ParseException e) {
            throw new Refused("token_invalid", e.getClass().getSimpleName());
        }
    }

    /** Which check refused the token, from the SDK's messages (kept stable across its versions). */
    private static String claimReason(String message) {
        String m = String.valueOf(message).toLowerCase(Locale.ROOT);
        if (m.contains("signature") || m.contains("signed")) {
            return "token_signature";
        }
        for (String claim : List.of("audience", "issuer", "nonce")) {
            if (m.contains(claim)) {
                return "token_" + claim;
            }
        }
        return m.contains("expired") || m.contains("expiration") ? "token_expired" : "token_invalid";
    }

    /** Discovery is fetched once, when first needed: a provider down at start-up must not stop the service. */
    private Provider provider() {
        Provider p = provider;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (provider == null) {
                try {
                    Issuer issuer = new Issuer(settings.issuer());
                    OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, settings.timeoutMs(), settings.timeoutMs());
                    IDTokenValidator validator = new IDTokenValidator(issuer, new ClientID(settings.clientId()),
                            JWSAlgorithm.parse(settings.algorithm()), metadata.getJWKSetURI().toURL(),
                            new DefaultResourceRetriever(settings.timeoutMs(), settings.timeoutMs(), 512 * 1024));
                    validator.setMaxClockSkew(settings.clockSkewSeconds());
                    provider = new Provider(metadata, validator);
                } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException e) {
                    LOG.warning("OpenID provider " + settings.issuer() + " did not answer its discovery: " + e.getMessage());
                    throw new Refused("provider_unreachable", e.getClass().getSimpleName());
                }
            }
            return provider;
        }
    }
}
