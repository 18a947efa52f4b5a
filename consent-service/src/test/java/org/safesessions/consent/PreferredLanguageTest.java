package org.safesessions.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.safesessions.consent.domain.YoungPerson;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A young person and each guardian choose English or Welsh for their messages (SPEC §3, the Welsh Language
 * Standards); notification-service reads the choice with the contact details it looks up when sending.
 */
@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class PreferredLanguageTest extends ConsentTestStack {

    private static String bilingualFamily(String name) {
        return """
                {"preferredName":"%s","dateOfBirth":"2012-03-04","localAuthorityCode":"W06000015","preferredLanguage":"cy",
                 "guardians":[{"name":"Rhiannon Guardian","relationship":"mother","email":"rhiannon@example.org",
                               "preferredChannel":"EMAIL","preferredLanguage":"cy"},
                              {"name":"Pat Guardian","relationship":"father","email":"pat@example.org",
                               "preferredChannel":"EMAIL","preferredLanguage":"en"}]}""".formatted(name);
    }

    @Test
    void languagesChosenAtRegistrationAreKeptForTheYoungPersonAndEachGuardian() {
        String id = given().contentType(ContentType.JSON).body(bilingualFamily("Nia")).post("/young-people").then()
                .statusCode(201)
                .body("preferredLanguage", equalTo("cy"))
                .body("guardians[0].preferredLanguage", equalTo("cy"))
                .body("guardians[1].preferredLanguage", equalTo("en"))
                .extract().path("id");
        given().get("/young-people/" + id).then().statusCode(200)
                .body("preferredLanguage", equalTo("cy"))
                .body("guardians.preferredLanguage", equalTo(java.util.List.of("cy", "en")));
    }

    @Test
    void languageDefaultsToEnglish() {
        given().contentType(ContentType.JSON).body(Fixtures.youngPerson("Defaulted")).post("/young-people").then()
                .statusCode(201)
                .body("preferredLanguage", equalTo("en"))
                .body("guardians[0].preferredLanguage", equalTo("en"));
    }

    @Test
    void aLanguageCodeInAnyCaseIsTheSameLanguageWrittenBackInLowerCase() {
        String family = bilingualFamily("Cased").replaceFirst("\"cy\"", "\"CY\"")
                .replace("\"preferredLanguage\":\"en\"", "\"preferredLanguage\":\"En\"");
        given().contentType(ContentType.JSON).body(family).post("/young-people").then()
                .statusCode(201)
                .body("preferredLanguage", equalTo("cy"))
                .body("guardians[1].preferredLanguage", equalTo("en"));
    }

    @Test
    void onlyEnglishOrWelshIsAcceptedNamingTheField() {
        given().contentType(ContentType.JSON).body(bilingualFamily("Bad").replaceFirst("\"cy\"", "\"fr\""))
                .post("/young-people").then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("preferredLanguage"));
        given().contentType(ContentType.JSON).body(bilingualFamily("Bad").replace("\"preferredLanguage\":\"en\"",
                        "\"preferredLanguage\":\"EN-GB\""))
                .post("/young-people").then().statusCode(400).body("errors.field", hasItem("guardians[1].preferredLanguage"));
        given().contentType(ContentType.JSON).body(bilingualFamily("Bad").replaceFirst("\"cy\"", "7"))
                .post("/young-people").then().statusCode(400);
        given().contentType(ContentType.JSON).body(bilingualFamily("Bad").replaceFirst("\"cy\"", "\"\""))
                .post("/young-people").then().statusCode(400).body("errors.field", hasItem("preferredLanguage"));
    }

    @Test
    void languageIsChangedWithTheContactDetailsAndKeptWhenLeftOut() {
        YoungPerson yp = TestData.youngPerson("org-a", "Switching Sion");
        String path = "/young-people/" + yp.id + "/contact-details";
        String guardian = yp.guardians.get(0).id.toString();
        given().contentType(ContentType.JSON).body("""
                {"email":"sion@example.org","preferredLanguage":"cy","guardians":[{"id":"%s","email":"kim@example.org",
                 "preferredChannel":"EMAIL","preferredLanguage":"cy"}]}""".formatted(guardian))
                .put(path).then().statusCode(200)
                .body("preferredLanguage", equalTo("cy")).body("guardians[0].preferredLanguage", equalTo("cy"));
        given().contentType(ContentType.JSON).body("""
                {"email":"sion@example.org","guardians":[{"id":"%s","email":"kim@example.org","preferredChannel":"EMAIL"}]}"""
                        .formatted(guardian))
                .put(path).then().statusCode(200)
                .body("preferredLanguage", equalTo("cy")).body("guardians[0].preferredLanguage", equalTo("cy"));
        given().contentType(ContentType.JSON).body("""
                {"guardians":[{"id":"%s","email":"kim@example.org","preferredChannel":"EMAIL","preferredLanguage":"de"}]}"""
                        .formatted(guardian))
                .put(path).then().statusCode(400).body("errors.field", hasItem("guardians[0].preferredLanguage"))
                .body("detail", not(containsString("de\"")));
    }

    @Test
    @TestSecurity(user = "notification-service", roles = "contact-reader")
    void contactLookupGivesEachPersonsLanguage() {
        YoungPerson yp = TestData.youngPerson("org-a", "Looked Up");
        given().get("/young-people/" + yp.id + "/contacts?organisation=org-a").then().statusCode(200)
                .body("preferredLanguage", equalTo("en"))
                .body("guardians[0].preferredLanguage", equalTo("en"));
    }
}
