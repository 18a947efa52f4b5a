package org.safesessions.notification.application;

import io.quarkus.qute.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safesessions.kit.domain.RecordNotFoundException;
import org.safesessions.kit.domain.RuleViolationException;
import org.safesessions.kit.tenancy.Caller;
import org.safesessions.kit.time.Time;
import org.safesessions.notification.domain.Language;
import org.safesessions.notification.domain.MessageTemplate;
import org.safesessions.notification.domain.RenderedMessage;
import org.safesessions.notification.domain.TemplateOverride;
import org.safesessions.notification.domain.TemplateSource;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Message templates, as managers see and change them for their organisation. An edited template is rendered with
 * sample data before it is saved: one that does not render is refused ({@code template-must-render}) with Qute's
 * error, never saved.
 */
@ApplicationScoped
public class TemplateManagement {

    @Inject
    Caller caller;

    @Inject
    MessageTemplates templates;

    @Inject
    Time time;

    @ConfigProperty(name = "notification.portal-url")
    String portalUrl;

    /** A template in force for the organisation: its sources, and who edited them when (if anyone did). */
    public record TemplateState(MessageTemplate template, TemplateSource source, boolean edited, String updatedBy,
                                String updatedById, OffsetDateTime updatedAt, List<String> placeholders) {
    }

    /** Sources to try out; any left null are the template's current ones. */
    public record TryOut(String subject, String text, String html) {
    }

    /** A template rendered with sample data in English and, for a family message, in Welsh (else null). */
    public record Preview(RenderedMessage english, RenderedMessage welsh) {
    }

    @Transactional
    public List<TemplateState> list() {
        return Arrays.stream(MessageTemplate.values()).map(this::state).toList();
    }

    @Transactional
    public TemplateState get(String key) {
        return state(template(key));
    }

    /** Saves the organisation's version, once it has rendered with sample data. */
    @Transactional
    public TemplateState edit(String key, TemplateSource source) {
        MessageTemplate template = template(key);
        renderSample(template, source);
        TemplateOverride saved = templates.override(caller.organisation(), template)
                .orElseGet(() -> TemplateOverride.create(caller.organisation(), template.key()));
        saved.change(source, caller.userName(), caller.userIdIfAny().orElse(null), time.now());
        saved.persist();
        return state(template);
    }

    /**
     * Back to the built-in template: the organisation's edited version is removed (other organisations' stay as they
     * are). A template that was not edited is left as it is.
     */
    @Transactional
    public TemplateState reset(String key) {
        MessageTemplate template = template(key);
        templates.override(caller.organisation(), template).ifPresent(TemplateOverride::delete);
        return state(template);
    }

    /**
     * Renders with sample data: the current sources, or those tried out ({@code null}: the current ones); a family
     * message in both of its languages.
     */
    @Transactional
    public Preview preview(String key, TryOut tryOut) {
        MessageTemplate template = template(key);
        TemplateSource current = templates.current(caller.organisation(), template);
        TemplateSource tried = tryOut == null ? current : new TemplateSource(
                tryOut.subject() != null ? tryOut.subject() : current.subject(),
                tryOut.text() != null ? tryOut.text() : current.text(),
                tryOut.html() != null ? tryOut.html() : current.html());
        return renderSample(template, tried);
    }

    /** A family message must render in English and in Welsh; a staff message in English. */
    private Preview renderSample(MessageTemplate template, TemplateSource source) {
        try {
            RenderedMessage english = templates.render(template, source, MessageData.sample(portalUrl, Language.EN));
            RenderedMessage welsh = template.bilingual()
                    ? templates.render(template, source, MessageData.sample(portalUrl, Language.CY)) : null;
            return new Preview(english, welsh);
        } catch (TemplateException e) {
            throw new RuleViolationException("template-must-render", firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "the template does not render" : message.lines().findFirst().orElse(message);
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private TemplateState state(MessageTemplate template) {
        Optional<TemplateOverride> override = templates.override(caller.organisation(), template);
        TemplateSource source = templates.current(caller.organisation(), template);
        return new TemplateState(template, source, override.isPresent(), override.map(o -> o.updatedBy).orElse(null),
                override.map(o -> o.updatedById).orElse(null), override.map(o -> o.updatedAt).orElse(null),
                MessageData.KEYS);
    }

    private static MessageTemplate template(String key) {
        return MessageTemplate.of(key).orElseThrow(() -> new RecordNotFoundException("template"));
    }
}
