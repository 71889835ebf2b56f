package fi.ikkuna.proxy;

import io.helidon.config.Config;

/**
 * {@code ikkuna.proxy}: whether residents may declare that they act for someone else, and its limits. Proxy use needs
 * the identification key ({@code ikkuna.identification.key}) to seal whom they act for, so without strong
 * identification in use it is off whatever {@code enabled} says.
 */
record ProxySettings(boolean enabled, int nameMaxLength, int majorityAge) {

    static ProxySettings from(Config c) {
        ProxySettings s = new ProxySettings(c.get("enabled").asBoolean().orElse(true), c.get("name-max-length").asInt().orElse(100),
                c.get("majority-age").asInt().orElse(18));
        if (s.nameMaxLength() < 1 || s.majorityAge() < 1) {
            throw new IllegalStateException("ikkuna.proxy.name-max-length and majority-age must be positive");
        }
        return s;
    }
}
