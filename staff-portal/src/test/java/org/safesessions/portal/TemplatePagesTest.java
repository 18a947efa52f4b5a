package org.safesessions.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/**
 * Message templates: the list, a template's sources with notification-service's preview (rendered with sample data),
 * "Preview" without JavaScript and the htmx fragment, saving, a template that does not render shown with Qute's error
 * as the service gives it; CSRF; managers only.
 */
@QuarkusTest
@QuarkusTestResource(StandInServices.class)
@TestSecurity(user = "manager-a", roles = "manager")
@OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "manager-a")})
class TemplatePagesTest {

    WireMockServer services;

    static final String TEMPLATE = """
            {"key":"session-invitation","audience":"FAMILY","subject":"Invitation: {session.title}",
             "text":"Hello {guardian.name}\\nJoin at {joinUrl}","html":"<p>Hello {guardian.name}</p>","edited":false,
             "placeholders":["session.title","guardian.name","joinUrl"]}""";

    @BeforeEach
    void stubs() {
        services.resetAll();
        services.stubFor(get(urlPathEqualTo("/templates")).willReturn(okJson("[" + TEMPLATE + ","
                + """
                {"key":"concern-alert","audience":"STAFF","subject":"Safeguarding concern {reference}","text":"t","html":"h",
                 "edited":true,"updatedBy":"manager-a","updatedAt":"2026-11-30T10:00:00Z","placeholders":[]}]""")));
        services.stubFor(get(urlPathEqualTo("/templates/session-invitation")).willReturn(okJson(TEMPLATE)));
        services.stubFor(post(urlPathEqualTo("/templates/session-invitation/preview")).willReturn(okJson("""
                {"subject":"Invitation: Art club","text":"Hello Pat Sample\\nJoin at https://zoom.example/j/1","html":"<p>Hello <b>Pat</b></p>",
                 "sms":"Art club: https://zoom.example/j/1","welsh":{"subject":"Gwahoddiad: Art club","text":"Helo Pat Sample","html":"<p>Helo</p>","sms":"Art club"}}""")));
    }

    @Test
    void theListShowsEachTemplateAndWhetherItWasEdited() {
        given().get("/templates").then().statusCode(200)
                .body(containsString("href=\"/templates/session-invitation\""), containsString("Session invitation"),
                        containsString("Built-in"), containsString("Edited</strong> by manager-a"),
                        containsString("Invitation: {session.title}"));
    }

    @Test
    void theEditPageShowsTheSourcesAndThePreviewInEnglishAndWelshEscaped() {
        given().get("/templates/session-invitation").then().statusCode(200)
                .body(containsString("Invitation: {session.title}"), containsString("Hello {guardian.name}"),
                        containsString("Preview with sample data"), containsString("Invitation: Art club"),
                        containsString("<p class=\"govuk-body\">Hello Pat Sample</p>"),
                        containsString("<p class=\"govuk-body\">Join at https://zoom.example/j/1</p>"),
                        containsString("&lt;p&gt;Hello &lt;b&gt;Pat&lt;/b&gt;&lt;/p&gt;"), not(containsString("<b>Pat</b>")),
                        containsString("Email in Welsh"), containsString("Gwahoddiad: Art club"),
                        containsString("hx-post=\"/templates/session-invitation/preview\" hx-trigger=\"input delay:700ms\""),
                        containsString("name=\"action\" value=\"preview\""));
    }

    @Test
    void previewWithoutJavaScriptRendersWhatWasTypedAndSavesNothing() {
        Forms.from("/templates/session-invitation").post().formParam("subject", "New {session.title}").formParam("text", "Hi")
                .formParam("html", "<p>Hi</p>").formParam("action", "preview")
                .post("/templates/session-invitation").then().statusCode(200)
                .body(containsString("Invitation: Art club"), containsString("value=\"New {session.title}\""));
        services.verify(postRequestedFor(urlPathEqualTo("/templates/session-invitation/preview")).withRequestBody(equalToJson("""
                {"subject":"New {session.title}","text":"Hi","html":"<p>Hi</p>"}""")));
        services.verify(0, putRequestedFor(urlPathMatching("/templates/.*")));
    }

    @Test
    void theHtmxPreviewIsTheFragmentAlone() {
        Forms.from("/templates/session-invitation").post().header("HX-Request", "true").formParam("subject", "S")
                .formParam("text", "T").formParam("html", "H")
                .post("/templates/session-invitation/preview").then().statusCode(200)
                .body(startsWith("<section id=\"preview\""), not(containsString("<html")), containsString("Invitation: Art club"));
    }

    @Test
    void aTemplateThatDoesNotRenderShowsQutesErrorAsTheServiceReturnsIt() {
        String quteError = "Rendering error in template [session-invitation.txt] line 1: Property \"nme\" not found on the base object";
        services.stubFor(post(urlPathEqualTo("/templates/session-invitation/preview")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":422,"rule":"template-must-render","detail":"%s"}""".formatted(quteError.replace("\"", "\\\"")))));
        Forms.from("/templates/session-invitation").post().formParam("subject", "S").formParam("text", "{guardian.nme}")
                .formParam("html", "H").formParam("action", "preview")
                .post("/templates/session-invitation").then().statusCode(200)
                .body(containsString("The template does not render: check its placeholders"),
                        containsString("Property &quot;nme&quot; not found on the base object"));
    }

    @Test
    void savingSendsTheSourcesAndARefusalIsAnErrorSummaryWithQutesError() {
        services.stubFor(put(urlPathEqualTo("/templates/session-invitation")).willReturn(okJson(TEMPLATE)));
        Forms.from("/templates/session-invitation").post().formParam("subject", "Hi {session.title}").formParam("text", "T")
                .formParam("html", "<p>H</p>").formParam("action", "save")
                .post("/templates/session-invitation").then().statusCode(303).header("Location", endsWith("/templates?done=saved"));
        services.verify(putRequestedFor(urlPathEqualTo("/templates/session-invitation")).withRequestBody(equalToJson("""
                {"subject":"Hi {session.title}","text":"T","html":"<p>H</p>"}""")));

        services.stubFor(put(urlPathEqualTo("/templates/session-invitation")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":422,"rule":"template-must-render","detail":"Parser error: unterminated section {#if"}""")));
        Forms.from("/templates/session-invitation").post().formParam("subject", "S").formParam("text", "{#if x}")
                .formParam("html", "H").formParam("action", "save")
                .post("/templates/session-invitation").then().statusCode(200)
                .body(containsString("govuk-error-summary"), containsString("<a href=\"#subject\">The template does not render: check its placeholders</a>"),
                        containsString("Parser error: unterminated section {#if"));
    }

    @Test
    void aBlankFieldIsTheServices400AtTheField() {
        services.stubFor(put(urlPathEqualTo("/templates/session-invitation")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"status":400,"errors":[{"field":"text","message":"must not be blank"}]}""")));
        Forms.from("/templates/session-invitation").post().formParam("subject", "S").formParam("text", "")
                .formParam("html", "H").formParam("action", "save")
                .post("/templates/session-invitation").then().statusCode(200)
                .body(containsString("<a href=\"#text\">Enter plain text</a>"), containsString("id=\"text-error\""));
    }

    @Test
    void withoutACsrfTokenNothingIsSavedOrPreviewed() {
        String cookie = Forms.from("/templates/session-invitation").cookie();
        services.resetRequests();
        for (String path : new String[]{"/templates/session-invitation", "/templates/session-invitation/preview"}) {
            given().redirects().follow(false).cookie("portal-csrf", cookie).contentType("application/x-www-form-urlencoded")
                    .formParam("subject", "S").formParam("text", "T").formParam("html", "H").formParam("action", "save")
                    .post(path).then().statusCode(403);
        }
        services.verify(0, putRequestedFor(urlPathMatching("/templates/.*")));
        services.verify(0, postRequestedFor(urlPathMatching("/templates/.*")));
    }

    @Test
    void anUnknownTemplateIsTheServices404AndAKeyThatIsNotOneIsNeverSent() {
        services.stubFor(get(urlPathEqualTo("/templates/no-such")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        given().get("/templates/no-such").then().statusCode(404);
        given().get("/templates/Not A Key").then().statusCode(404);
        services.verify(0, getRequestedFor(urlPathEqualTo("/templates/Not A Key")));
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "dsl-a")})
    void aSafeguardingLeadCannotOpenTemplates() {
        given().get("/templates").then().statusCode(403);
        given().get("/templates/session-invitation").then().statusCode(403);
        services.verify(0, getRequestedFor(urlPathMatching("/templates.*")));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = {@Claim(key = "org", value = "org-a"), @Claim(key = "preferred_username", value = "coord-a")})
    void aCoordinatorCannotOpenTemplates() {
        given().get("/templates").then().statusCode(403);
    }
}
