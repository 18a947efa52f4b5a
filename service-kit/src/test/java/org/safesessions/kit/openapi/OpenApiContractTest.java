package org.safesessions.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiContractTest {

    private static Operation ok() {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
    }

    private static OpenAPI document(String path, PathItem item) {
        return OASFactory.createOpenAPI().openapi("3.1.0")
                .paths(OASFactory.createPaths().addPathItem(path, item));
    }

    private static Set<String> statuses(Operation operation) {
        return new TreeSet<>(operation.getResponses().getAPIResponses().keySet());
    }

    @Test
    void everyOperationNeedsAKeycloakTokenUnlessItSaysOtherwise() {
        Operation list = ok();
        Operation own = ok().security(List.of(OASFactory.createSecurityRequirement().addScheme("other", List.of())));
        OpenAPI doc = document("/things", OASFactory.createPathItem().GET(list).POST(own));

        new OpenApiContract().filterOpenAPI(doc);

        SecurityScheme scheme = doc.getComponents().getSecuritySchemes().get("keycloak");
        assertEquals(SecurityScheme.Type.HTTP, scheme.getType());
        assertEquals("bearer", scheme.getScheme());
        assertEquals("JWT", scheme.getBearerFormat());
        assertEquals(1, list.getSecurity().size());
        assertEquals(List.of(), list.getSecurity().get(0).getScheme("keycloak"));
        assertTrue(own.getSecurity().get(0).hasScheme("other"), "its own security stands");
        assertEquals(1, own.getSecurity().size());
    }

    @Test
    void aSignedWebhookStatesThatItTakesNoToken() {
        Operation webhook = ok().addExtension(OpenApiContract.SIGNED_WEBHOOK, true);
        OpenAPI doc = document("/zoom/webhooks", OASFactory.createPathItem().POST(webhook));

        new OpenApiContract().filterOpenAPI(doc);

        assertEquals(List.of(), webhook.getSecurity(), "security: [] stated, not left out");
    }

    @Test
    void anOperationWithoutParametersOrBodyGetsTheErrorsEveryOperationCanGive() {
        Operation get = ok();
        OpenAPI doc = document("/me", OASFactory.createPathItem().GET(get));

        new OpenApiContract().filterOpenAPI(doc);

        assertEquals(new TreeSet<>(Set.of("200", "401", "403", "406", "500", "503")), statuses(get));
        var unauthorised = get.getResponses().getAPIResponse("401");
        assertTrue(unauthorised.getDescription() != null && !unauthorised.getDescription().isBlank());
        assertEquals("#/components/schemas/Problem",
                unauthorised.getContent().getMediaType("application/problem+json").getSchema().getRef());
    }

    @Test
    void parametersAddBadRequestAndABodyAddsTooLargeAndUnsupportedMediaType() {
        Operation byId = ok();
        Operation create = ok().requestBody(OASFactory.createRequestBody());
        Parameter id = OASFactory.createParameter().name("id").in(Parameter.In.PATH).required(true);
        OpenAPI doc = document("/things/{id}", OASFactory.createPathItem().addParameter(id).GET(byId));
        doc.getPaths().addPathItem("/things", OASFactory.createPathItem().POST(create));

        new OpenApiContract().filterOpenAPI(doc);

        assertEquals(new TreeSet<>(Set.of("200", "400", "401", "403", "406", "500", "503")), statuses(byId),
                "path-level parameters count");
        assertEquals(new TreeSet<>(Set.of("200", "400", "401", "403", "406", "413", "415", "500", "503")),
                statuses(create));
    }

    @Test
    void aStatusTheOperationDeclaresItselfIsLeftAsItIs() {
        Operation get = ok();
        get.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().description("Not your organisation's"));
        OpenAPI doc = document("/things", OASFactory.createPathItem().GET(get));

        new OpenApiContract().filterOpenAPI(doc);

        assertEquals("Not your organisation's", get.getResponses().getAPIResponse("403").getDescription());
    }

    @Test
    void theProblemSchemaNamesItsRequiredFieldsOnceForTheDocument() {
        OpenAPI doc = document("/a", OASFactory.createPathItem().GET(ok()).DELETE(ok()));

        new OpenApiContract().filterOpenAPI(doc);
        new OpenApiContract().filterOpenAPI(doc); // twice (build, then runtime): the same document

        Schema problem = doc.getComponents().getSchemas().get("Problem");
        assertEquals(List.of("type", "title", "status"), problem.getRequired());
        assertTrue(problem.getProperties().keySet().containsAll(Set.of("detail", "rule", "errors")));
        assertEquals(1, doc.getComponents().getSchemas().size());
        assertEquals(1, doc.getComponents().getSecuritySchemes().size());
        assertEquals(1, doc.getPaths().getPathItem("/a").getGET().getSecurity().size(), "not added twice");
    }

    @Test
    void aStatusDeclaredWithoutABodyGetsTheProblemBody() {
        Operation get = ok();
        get.getResponses().addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"));
        OpenAPI doc = document("/things", OASFactory.createPathItem().GET(get));

        new OpenApiContract().filterOpenAPI(doc);

        var unauthorised = get.getResponses().getAPIResponse("401");
        assertEquals("Not Authorized", unauthorised.getDescription());
        assertEquals("#/components/schemas/Problem",
                unauthorised.getContent().getMediaType("application/problem+json").getSchema().getRef());
    }
}
