package org.safesessions.zoomsim.validation;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import io.quarkus.runtime.Startup;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zoom's Meeting API contract (the trimmed copy of Zoom's OpenAPI spec) and the check of
 * each request against it: path, method, parameters, content type and body schema.
 * The validator adds {@code additionalProperties: false} to every object schema, so an
 * unknown field is refused too: a misspelt setting would be silently ignored by Zoom.
 */
@ApplicationScoped
@Startup // parsing the spec takes most of a second; pay it at boot, not on the first request
public class ZoomContract {

    public static final String SPEC_RESOURCE = "/zoom/zoom-meeting-api.trimmed.json";

    /** How the json-schema validator prefixes a message about one field of the body. */
    private static final Pattern FIELD_PREFIX = Pattern.compile("^\\[Path '([^']*)'\\]\\s*(.*)$", Pattern.DOTALL);
    /** How it reports one unknown field: {@code ... not allowed by the schema: ["bogus"]}. */
    private static final Pattern ONE_UNKNOWN_FIELD = Pattern.compile("not allowed by the schema: \\[\"([^\"]+)\"\\]");

    private final OpenApiInteractionValidator validator = loadValidator();

    /**
     * The validator used here, also for tests that check the simulator's answers.
     * Security is not checked by it: the simulator checks bearer tokens itself, and
     * the spec declares OAuth authorization-code flow, which does not apply to S2S apps.
     */
    public static OpenApiInteractionValidator loadValidator() {
        try (InputStream in = ZoomContract.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SPEC_RESOURCE + " is missing from the classpath");
            }
            String spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<ContractViolation> check(ReceivedRequest received) {
        ValidationReport report = validator.validateRequest(toValidatorRequest(received));
        List<ContractViolation> violations = new ArrayList<>();
        for (Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                violations.addAll(describe(message));
            }
        }
        return violations;
    }

    private static Request toValidatorRequest(ReceivedRequest received) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(
                received.method().toUpperCase(Locale.ROOT), received.path());
        received.headers().forEach(builder::withHeader);
        received.query().forEach(builder::withQueryParam);
        if (received.body() != null && !received.body().isEmpty()) {
            builder.withBody(received.body());
        }
        return builder.build();
    }

    private static List<ContractViolation> describe(Message message) {
        String key = message.getKey();
        if (key.equals("validation.request.path.missing")) {
            return List.of(new ContractViolation(ContractViolation.Kind.UNKNOWN_PATH, null, message.getMessage()));
        }
        if (key.equals("validation.request.operation.notAllowed")) {
            return List.of(new ContractViolation(ContractViolation.Kind.METHOD_NOT_ALLOWED, null, message.getMessage()));
        }
        String parameter = message.getContext()
                .flatMap(ValidationReport.MessageContext::getParameter)
                .map(Parameter::getName)
                .orElse(null);
        if (parameter != null) {
            return List.of(invalid(parameter, message.getMessage()));
        }
        if (key.endsWith(".oneOf") || key.endsWith(".anyOf")) {
            return closestAlternativeProblems(message);
        }
        return List.of(invalid(message.getMessage()));
    }

    /**
     * "matched 0 out of 3 schemas" says nothing useful. Inside the alternatives, problems
     * found below the top level (a bad enum value in {@code in_meeting}) point at what the
     * client got wrong better than an alternative refusing the whole object does.
     */
    private static List<ContractViolation> closestAlternativeProblems(Message message) {
        List<String> leaves = new ArrayList<>();
        collectLeaves(message.getNestedMessages(), leaves);
        Set<ContractViolation> nested = new LinkedHashSet<>();
        Set<ContractViolation> named = new LinkedHashSet<>();
        for (String leaf : leaves) {
            ContractViolation violation = invalid(leaf);
            if (violation.field() != null) {
                named.add(violation);
                if (belowTopLevel(leaf)) {
                    nested.add(violation);
                }
            }
        }
        if (!nested.isEmpty()) {
            return List.copyOf(nested);
        }
        return named.isEmpty() ? List.of(invalid(message.getMessage())) : List.copyOf(named);
    }

    private static boolean belowTopLevel(String text) {
        Matcher prefixed = FIELD_PREFIX.matcher(text);
        return prefixed.matches() && prefixed.group(1).length() > 1;
    }

    private static void collectLeaves(List<Message> messages, List<String> leaves) {
        for (Message nested : messages) {
            if (nested.getNestedMessages().isEmpty()) {
                leaves.add(nested.getMessage());
            } else {
                collectLeaves(nested.getNestedMessages(), leaves);
            }
        }
    }

    private static ContractViolation invalid(String field, String text) {
        return new ContractViolation(ContractViolation.Kind.INVALID, field, text);
    }

    /**
     * Turns "[Path '/settings/auto_recording'] Instance value..." into field + message;
     * an unknown field is named itself ({@code settings.bogus}), not by its parent.
     */
    private static ContractViolation invalid(String text) {
        Matcher prefixed = FIELD_PREFIX.matcher(text);
        String pointer = prefixed.matches() ? prefixed.group(1) : "";
        String problem = prefixed.matches() ? prefixed.group(2) : text;
        String field = pointer.replaceFirst("^/", "").replace('/', '.');
        Matcher unknown = ONE_UNKNOWN_FIELD.matcher(problem);
        if (unknown.find()) {
            field = field.isEmpty() ? unknown.group(1) : field + "." + unknown.group(1);
        }
        return new ContractViolation(ContractViolation.Kind.INVALID, field.isEmpty() ? null : field, problem);
    }
}
