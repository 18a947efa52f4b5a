package org.safesessions.consent;

import io.restassured.http.ContentType;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Request bodies and calls the consent tests share. */
final class Fixtures {

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
                 "evidenceReference":"FORM-2026-001","evidenceMethod":"PAPER_FORM","givenAt":"2026-09-01T10:00:00Z"}"""
                .formatted(guardianId);
    }

    /** Registers a young person as the current test identity; returns [youngPersonId, guardianId]. */
    static String[] register(String name) {
        var body = given().contentType(ContentType.JSON).body(youngPerson(name))
                .post("/young-people").then().statusCode(201).extract().jsonPath();
        return new String[]{body.getString("id"), body.getString("guardians[0].id")};
    }

    static String unknownId() {
        return UUID.randomUUID().toString();
    }
}
