package org.safesessions.notification.application;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.safesessions.notification.domain.MessageTemplate;
import org.safesessions.notification.domain.RenderedMessage;
import org.safesessions.notification.domain.TemplateOverride;
import org.safesessions.notification.domain.TemplateSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates in force for an organisation (its managers' edited version, else the built-in one) and their
 * rendering. HTML is parsed as text/html, so values are escaped. A template is rendered with every data key present
 * ({@link MessageData}), so an edited template that renders in preview also renders when sending.
 */
@ApplicationScoped
public class MessageTemplates {

    private static final Variant HTML = Variant.forContentType(Variant.TEXT_HTML);
    private static final Variant TEXT = Variant.forContentType(Variant.TEXT_PLAIN);

    @Inject
    Engine qute;

    /** Parsed templates by source: the sources in use are few, and parsing each message would be waste. */
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();
    private final Map<MessageTemplate, TemplateSource> builtIn = new ConcurrentHashMap<>();

    public TemplateSource builtIn(MessageTemplate template) {
        return builtIn.computeIfAbsent(template, t -> new TemplateSource(t.subject(),
                resource("templates/messages/" + t.key() + ".txt"), resource("templates/messages/" + t.key() + ".html")));
    }

    /** The organisation's edited version if any. Needs a transaction (or request) context. */
    public Optional<TemplateOverride> override(String organisation, MessageTemplate template) {
        return TemplateOverride.<TemplateOverride>findByIdOptional(new TemplateOverride.Key(organisation, template.key()));
    }

    public TemplateSource current(String organisation, MessageTemplate template) {
        return override(organisation, template)
                .map(TemplateOverride::source)
                .orElseGet(() -> builtIn(template));
    }

    /**
     * Renders {@code source} in the data's language: its {@code {msg:...}} phrases come from the family message
     * bundle of that language. A broken template throws Qute's TemplateException naming the problem.
     */
    public RenderedMessage render(MessageTemplate template, TemplateSource source, MessageData data) {
        Locale locale = data.language().locale();
        Map<String, Object> values = data.asMap();
        String subject = parse(source.subject(), TEXT).data(values).setLocale(locale).render().strip()
                .replaceAll("\\s+", " ");
        String text = parse(source.text(), TEXT).data(values).setLocale(locale).render();
        String html = parse(source.html(), HTML).data(values).setLocale(locale).render();
        String sms = parse(template.sms(), TEXT).data(values).setLocale(locale).render().strip();
        return new RenderedMessage(subject, text, html, sms);
    }

    private Template parse(String source, Variant variant) {
        String cacheKey = variant.getContentType() + "\u0000" + source;
        Template cached = parsed.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        Template template = qute.parse(source, variant);
        if (parsed.size() < 1_000) {
            parsed.put(cacheKey, template);
        }
        return template;
    }

    private static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
