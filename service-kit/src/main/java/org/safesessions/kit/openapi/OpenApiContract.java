package org.safesessions.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes every service's OpenAPI document state what the kit's HTTP edge does for every operation, so that the
 * document is a contract a client can rely on (registered for every service by {@code mp.openapi.filter} in the
 * kit's {@code microprofile-config.properties}; it runs when the document is built, so the one served at
 * {@code /q/openapi} and the one stored in {@code target/openapi} are the same):
 * <ul>
 * <li><b>security</b>: the {@value #SCHEME} scheme (a Keycloak access token, a JWT sent as a bearer token) in
 * components, and {@code security: [keycloak: []]} on every operation that does not state its own. An operation
 * with the extension {@value #SIGNED_WEBHOOK} (a webhook that proves itself by its signature, not a token) gets
 * {@code security: []}, stated. (Quarkus itself states {@code keycloak} with the roles of a {@code @RolesAllowed}
 * operation: the kit names its scheme so, {@code quarkus.smallrye-openapi.security-scheme-name});</li>
 * <li><b>errors</b>: the answers any operation can give at the edge ({@code rest.HttpEdge}, {@code OperationEdges},
 * {@code ProblemMappers}), as {@code application/problem+json} with the one {@value #PROBLEM} schema, unless the
 * operation declares that status itself (a status it declares without a body gets the problem body): 400 where it has parameters or a body, 401, 403, 406, 413 and 415 where it
 * has a body, 500 and 503.</li>
 * </ul>
 * The servers ({@code mp.openapi.servers}) are kit defaults too.
 */
public class OpenApiContract implements OASFilter {

    /** The operation extension that marks a signed webhook: no token, its own signature check instead. */
    public static final String SIGNED_WEBHOOK = "x-safesessions-signed-webhook";
    static final String SCHEME = "keycloak";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Status → description, in the order they appear in the document. */
    private static final Map<String, String> ALWAYS = new LinkedHashMap<>();
    private static final Map<String, String> WITH_BODY = new LinkedHashMap<>();

    static {
        ALWAYS.put("401", "No valid access token (problem details)");
        ALWAYS.put("403", "The caller's roles or organisation do not allow this (problem details)");
        ALWAYS.put("406", "The Accept header admits none of this operation's media types (problem details)");
        WITH_BODY.put("413", "The body is larger than the service takes (1 MB) (problem details)");
        WITH_BODY.put("415", "The body is not of a media type this operation takes, or has none (problem details)");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSecuritySchemes() == null || !components.getSecuritySchemes().containsKey(SCHEME)) {
            components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .bearerFormat("JWT")
                    .description("An access token from the SafeSessions Keycloak realm (OpenID Connect), sent as "
                            + "`Authorization: Bearer <token>`; its audience must be this service."));
        }
        if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM)) {
            components.addSchema(PROBLEM, problemSchema());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            boolean pathParameters = path.getParameters() != null && !path.getParameters().isEmpty();
            if (path.getOperations() == null) {
                continue;
            }
            for (Operation operation : path.getOperations().values()) {
                declareSecurity(operation);
                declareErrors(operation, pathParameters);
            }
        }
    }

    private static void declareSecurity(Operation operation) {
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(SIGNED_WEBHOOK)) {
            operation.setSecurity(new ArrayList<>()); // stated: no token, the webhook's signature is checked instead
        } else if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>(List.of(
                    OASFactory.createSecurityRequirement().addScheme(SCHEME, new ArrayList<>()))));
        }
    }

    private static void declareErrors(Operation operation, boolean pathParameters) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean body = operation.getRequestBody() != null;
        boolean parameters = pathParameters || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        Map<String, String> statuses = new LinkedHashMap<>();
        if (body || parameters) {
            statuses.put("400", body ? "A parameter or the body is malformed or invalid; `errors` names each field (problem details)"
                    : "A parameter is malformed or invalid; `errors` names it (problem details)");
        }
        statuses.putAll(ALWAYS);
        if (body) {
            statuses.putAll(WITH_BODY);
        }
        statuses.put("500", "An unexpected error; `detail` gives a reference that is also logged (problem details)");
        statuses.put("503", "A store the service depends on is away for a while; try again after `Retry-After` (problem details)");
        for (Map.Entry<String, String> status : statuses.entrySet()) {
            APIResponse declared = responses.getAPIResponse(status.getKey());
            if (declared == null) {
                responses.addAPIResponse(status.getKey(), problem(status.getValue()));
            } else if (declared.getRef() == null && (declared.getContent() == null
                    || declared.getContent().getMediaTypes() == null || declared.getContent().getMediaTypes().isEmpty())) {
                // declared without a body (Quarkus adds 401/403 so to @RolesAllowed operations): it is problem details
                declared.setContent(problem(status.getValue()).getContent());
            }
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM_JSON, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM))));
    }

    /** The body of every error (RFC 9457, {@code rest.Problem}). */
    static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail. Details name fields and rules, never the values sent.")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")
                        .description("`about:blank`, or `https://safesessions.org/problems/<rule>` for a broken rule"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("rule", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The business rule refused (422, 409)"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("The fields or parameters that are wrong (400)")
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addRequired("field")
                                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
    }
}
