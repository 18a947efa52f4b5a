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
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestSecurity(user = "coord-a", roles = "coordinator")
@OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
class ContactDetailsTest extends ConsentTestStack {

    private static String contactDetails(String email, String guardianId, String guardianEmail) {
        return """
                {"email":%s,"guardians":[{"id":"%s","email":"%s","preferredChannel":"EMAIL"}]}"""
                .formatted(email == null ? "null" : "\"" + email + "\"", guardianId, guardianEmail);
    }

    @Test
    void coordinatorUpdatesContactDetails() {
        YoungPerson yp = TestData.youngPerson("org-a", "Moving Morgan");
        given().contentType(ContentType.JSON).body(contactDetails("morgan@example.org", yp.guardians.get(0).id.toString(),
                        "kim.new@example.org"))
                .put("/young-people/" + yp.id + "/contact-details").then().statusCode(200)
                .body("email", equalTo("morgan@example.org"))
                .body("guardians[0].email", equalTo("kim.new@example.org"));
        given().get("/young-people/" + yp.id).then().statusCode(200).body("guardians[0].email", equalTo("kim.new@example.org"));
    }

    @Test
    void contactDetailsAreChangedOnlyForThisYoungPersonsGuardians() {
        YoungPerson yp = TestData.youngPerson("org-a", "Own Guardian");
        YoungPerson other = TestData.youngPerson("org-a", "Other Guardian");
        given().contentType(ContentType.JSON).body(contactDetails(null, other.guardians.get(0).id.toString(),
                        "x@example.org"))
                .put("/young-people/" + yp.id + "/contact-details").then().statusCode(422)
                .body("rule", equalTo("guardian-of-this-young-person"));
    }

    @Test
    void contactDetailsBadInputsAre400NamingTheField() {
        YoungPerson yp = TestData.youngPerson("org-a", "Bad Contacts");
        String path = "/young-people/" + yp.id + "/contact-details";
        given().contentType(ContentType.JSON).body(contactDetails("not-an-email", yp.guardians.get(0).id.toString(),
                "k@example.org")).put(path).then().statusCode(400).body("errors.field", hasItem("email"))
                .body("detail", not(containsString("not-an-email")));
        given().contentType(ContentType.JSON).body("{\"guardians\":[{\"id\":\"" + yp.guardians.get(0).id
                        + "\",\"preferredChannel\":\"SMS\"}]}")
                .put(path).then().statusCode(400).body("errors[0].field", containsString("guardians[0]"));
        given().contentType(ContentType.JSON).body("{\"email\":null}").put(path).then().statusCode(400)
                .body("errors.field", hasItem("guardians"));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerCannotChangeContactDetailsNorSeeThem() {
        YoungPerson yp = TestData.youngPerson("org-a", "Worker Cannot");
        given().contentType(ContentType.JSON).body(contactDetails(null, yp.guardians.get(0).id.toString(), "x@example.org"))
                .put("/young-people/" + yp.id + "/contact-details").then().statusCode(403);
        given().get("/young-people/" + yp.id).then().statusCode(200).body("email", nullValue()).body("guardians", nullValue());
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotChangeContactDetails() {
        given().contentType(ContentType.JSON).body(contactDetails(null, Fixtures.unknownId(), "x@example.org"))
                .put("/young-people/" + Fixtures.unknownId() + "/contact-details").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "coord-b", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsYoungPersonIs404() {
        YoungPerson yp = TestData.youngPerson("org-a", "A Only Contacts");
        given().contentType(ContentType.JSON).body(contactDetails(null, yp.guardians.get(0).id.toString(), "x@example.org"))
                .put("/young-people/" + yp.id + "/contact-details").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "notification-service", roles = "contact-reader")
    void contactLookupGivesDateOfBirthAndTheYoungPersonsOwnEmail() {
        YoungPerson yp = TestData.youngPerson("org-a", "Invited Directly");
        given().get("/young-people/" + yp.id + "/contacts?organisation=org-a").then().statusCode(200)
                .body("youngPersonId", equalTo(yp.id.toString()))
                .body("preferredName", equalTo("Invited Directly"))
                .body("dateOfBirth", equalTo(yp.dateOfBirth.toString()))
                .body("email", equalTo("young.person@example.org"))
                .body("guardians[0].email", equalTo("kim@example.org"));
    }
}
