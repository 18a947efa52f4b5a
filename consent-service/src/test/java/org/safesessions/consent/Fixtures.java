package org.safesessions.consent;

import io.restassured.http.ContentType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Request bodies and calls the consent tests share. */
final class Fixtures {

    /** When the test consents were given: a month ago, so they are active whenever the tests run. */
    static final OffsetDateTime GIVEN_AT = LocalDate.now(ZoneOffset.UTC).minusMonths(1).atTime(10, 0, 30)
            .atOffset(ZoneOffset.UTC);

    private Fixtures() {
    }

    static String youngPerson(String name) {
        return """
                {"preferredName":"%s","dateOfBirth":"2012-03-04","localAuthorityCode":"E09000024",
                 "guardians":[{"name":"Pat Guardian","relationship":"mother","email":"pat@example.org",
                               "phone":"07700 900123","preferredChannel":"EMAIL"}]}""".formatted(name);
    }

    static String groupConsent(String guardianId) {
        return """
                {"scope":"GROUP_SESSIONS","platforms":["ZOOM"],"givenBy":"GUARDIAN","guardianId":"%s",
                 "evidenceReference":"FORM-2026-001","evidenceMethod":"PAPER_FORM","givenAt":"%s"}"""
                .formatted(guardianId, GIVEN_AT);
    }

    /** Registers a young person as the current test identity; returns [youngPersonId, guardianId]. */
    static String[] register(String name) {
        var body = given().contentType(ContentType.JSON).body(youngPerson(name))
                .post("/young-people").then().statusCode(201).extract().jsonPath();
        return new String[]{body.getString("id"), body.getString("guardians[0].id")};
    }

    /** Records the guardian's group consent (Zoom) as the current test identity; returns the consent id. */
    static String consent(String youngPersonId, String guardianId) {
        return given().contentType(ContentType.JSON).body(groupConsent(guardianId))
                .post("/young-people/" + youngPersonId + "/consents").then().statusCode(201).extract().path("id");
    }

    /** A consent body with the given scope, platforms (JSON array text), given and expiry times. */
    static String consentBody(String guardianId, String scope, String platforms, OffsetDateTime givenAt,
                              OffsetDateTime expiresAt) {
        return """
                {"scope":"%s","platforms":%s,"givenBy":"GUARDIAN","guardianId":"%s",
                 "evidenceReference":"FORM-7","evidenceMethod":"ONLINE_FORM","givenAt":"%s"%s}"""
                .formatted(scope, platforms, guardianId, givenAt,
                        expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"");
    }

    static String withdraw(String consentId) {
        return given().contentType(ContentType.JSON).body("{\"reason\":\"Family moved away\"}")
                .post("/consents/" + consentId + "/withdrawal").then().statusCode(201).extract().path("id");
    }

    static String unknownId() {
        return UUID.randomUUID().toString();
    }
}
