package org.safesessions.portal.security;

import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.safesessions.portal.PortalConfig;

/** The numbers behind the session-timeout warning, read by the layout (and so by portal.js). */
@ApplicationScoped
@Named("session")
@TemplateData
public class SessionTimeout {

    @Inject
    PortalConfig config;

    public long idleSeconds() {
        return config.session().idleTimeout().toSeconds();
    }

    public long warnSeconds() {
        return config.session().warnBefore().toSeconds();
    }

    public long idleMinutes() {
        return config.session().idleTimeout().toMinutes();
    }
}
