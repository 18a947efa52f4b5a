package org.safesessions.portal.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.safesessions.portal.PortalConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection as a signed double-submit cookie: the browser holds a random value in an HttpOnly, SameSite=Strict
 * cookie; every form carries the HMAC of that value under the portal's key, and every POST must bring both. Another
 * site can make the browser send the cookie but can neither read it nor sign it.
 */
@RequestScoped
@io.quarkus.qute.TemplateData
@Named("csrf")
public class Csrf {

    public static final String COOKIE = "portal-csrf";
    public static final String FIELD = "csrf-token";
    public static final String HEADER = "X-CSRF-Token";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PortalConfig config;

    @Inject
    RoutingContext routing;

    private String value;

    /** The form field's value for this browser; sets the cookie on this answer when the browser has none yet. */
    public String token() {
        if (value == null) {
            Cookie existing = routing.request().getCookie(COOKIE);
            if (existing != null && existing.getValue().length() >= 32) {
                value = existing.getValue();
            } else {
                byte[] random = new byte[32];
                RANDOM.nextBytes(random);
                value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                routing.response().addCookie(Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT));
            }
        }
        return sign(value);
    }

    /** Does the submitted token match this browser's cookie? */
    public boolean valid(String submitted) {
        Cookie cookie = routing.request().getCookie(COOKIE);
        if (cookie == null || submitted == null || submitted.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(sign(cookie.getValue()).getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String cookieValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.csrfKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(cookieValue.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
