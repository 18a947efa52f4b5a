package org.safesessions.consent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.safesessions.consent.application.YoungPeopleRegister;
import org.safesessions.consent.domain.ContactChannel;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class YoungPeopleResourceTest extends ConsentTestStack {

    @Inject
    YoungPeopleRegister register;

    @Inject
    EntityManager em;

    private String registerInOrgA(String name) {
        return register.register("org-a", new YoungPeopleRegister.Register(name, LocalDate.of(2011, 5, 6), "E09000024",
                List.of(new YoungPeopleRegister.GuardianDetails("Sam Carer", "father", "sam@example.org", null,
                        ContactChannel.EMAIL))), "coord-a").id.toString();
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void coordinatorRegistersYoungPersonWithGuardian() {
        given().contentType(ContentType.JSON).body(Fixtures.youngPerson("Alex"))
                .post("/young-people")
                .then().statusCode(201)
                .header("Location", containsString("/young-people/"))
                .body("id", notNullValue())
                .body("preferredName", equalTo("Alex"))
                .body("guardians[0].email", equalTo("pat@example.org"))
                .body("guardians[0].preferredChannel", equalTo("EMAIL"));
    }

    @Test
    void everyEndpointWithoutTokenIs401() {
        String id = Fixtures.unknownId();
        given().contentType(ContentType.JSON).body(Fixtures.youngPerson("Alex"))
                .post("/young-people").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType(startsWith("application/problem+json"));
        given().get("/young-people").then().statusCode(401);
        given().get("/young-people/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Fixtures.groupConsent(id))
                .post("/young-people/" + id + "/consents").then().statusCode(401);
        given().get("/young-people/" + id + "/consents").then().statusCode(401);
        given().get("/young-people/" + id + "/contacts?organisation=org-a").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "dsl-a", roles = "safeguarding-lead")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void safeguardingLeadManagesYoungPeopleButNotTheServiceLookup() {
        String[] ids = Fixtures.register("Lead Registered");
        given().get("/young-people/" + ids[0]).then().statusCode(200).body("guardians[0].email", equalTo("pat@example.org"));
        given().get("/young-people/" + ids[0] + "/contacts?organisation=org-a").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "coord-x", roles = "coordinator")
    void staffTokenWithoutOrganisationIsRefused() {
        given().get("/young-people").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerCannotRegister() {
        given().contentType(ContentType.JSON).body(Fixtures.youngPerson("Alex"))
                .post("/young-people")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
    }

    @Test
    @TestSecurity(user = "council-e09000024", roles = "partner-council")
    @OidcSecurity(claims = @Claim(key = "council", value = "E09000024"))
    void partnerCouncilCannotRegisterOrRead() {
        given().contentType(ContentType.JSON).body(Fixtures.youngPerson("Alex"))
                .post("/young-people").then().statusCode(403);
        given().get("/young-people").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "coord-b", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-b"))
    void anotherOrganisationsYoungPersonIs404() {
        String id = registerInOrgA("Robin");
        given().get("/young-people/" + id).then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("detail", not(containsString("Robin")));
        given().get("/young-people/" + id + "/consents").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Fixtures.groupConsent(Fixtures.unknownId()))
                .post("/young-people/" + id + "/consents").then().statusCode(404);
        given().get("/young-people?name=Robin").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    @TestSecurity(user = "worker-a", roles = "youth-worker")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void youthWorkerSeesConsentStatusButNotGuardianContacts() {
        String id = registerInOrgA("Jordan");
        given().get("/young-people/" + id).then().statusCode(200)
                .body("preferredName", equalTo("Jordan"))
                .body("guardians", nullValue());
        given().get("/young-people/" + id + "/consents").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void listIsPagedAndSearchableByName() {
        registerInOrgA("Quinn Searchable");
        given().get("/young-people?name=searchable&size=5").then().statusCode(200)
                .body("items[0].preferredName", equalTo("Quinn Searchable"))
                .body("size", equalTo(5));
        given().get("/young-people?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void listTotalIsTheOrganisationsNumberOfYoungPeopleAsCountingThemWouldGive() {
        registerInOrgA("Tally One");
        register.register("org-b", new YoungPeopleRegister.Register("Elsewhere Eli", LocalDate.of(2011, 5, 6),
                "E09000024", List.of(new YoungPeopleRegister.GuardianDetails("Sam Carer", "father", "sam@example.org",
                        null, ContactChannel.EMAIL))), "coord-b");
        given().get("/young-people?size=1").then().statusCode(200).body("total", equalTo(countedInOrgA()));

        // rows written and removed by statements of their own (a bulk load, a clean-up) are counted too
        String loaded = java.util.UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into young_person (id, organisation, preferred_name, date_of_birth, local_authority_code,
                                          registered_at, registered_by, last_active_at)
                values (cast(?1 as uuid), 'org-a', 'Tally Loaded', date '2011-05-06', 'E09000024', now(), 'test', now())
                """).setParameter(1, loaded).executeUpdate());
        int withLoaded = countedInOrgA();
        given().get("/young-people?size=1").then().statusCode(200).body("total", equalTo(withLoaded));
        given().get("/young-people?name=tally&size=5").then().statusCode(200).body("total", equalTo(2));

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from young_person where id = cast(?1 as uuid)").setParameter(1, loaded).executeUpdate());
        given().get("/young-people?size=1").then().statusCode(200).body("total", equalTo(withLoaded - 1));
    }

    private int countedInOrgA() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from young_person where organisation = 'org-a'").getSingleResult()).intValue());
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void badInputsAre400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"preferredName\":")
                .post("/young-people").then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body(Fixtures.youngPerson("Alex").replace("2012-03-04", "not-a-date"))
                .post("/young-people").then().statusCode(400).body("errors[0].field", equalTo("dateOfBirth"));
        given().contentType(ContentType.JSON).body(Fixtures.youngPerson("Alex").replace("\"EMAIL\"", "\"PIGEON\""))
                .post("/young-people").then().statusCode(400).body("errors[0].field", equalTo("guardians[0].preferredChannel"));
        given().contentType(ContentType.JSON)
                .body("{\"preferredName\":\"Alex\",\"dateOfBirth\":\"2012-03-04\",\"localAuthorityCode\":\"E09000024\",\"guardians\":[]}")
                .post("/young-people").then().statusCode(400).body("errors.field", hasItem("guardians"));
        given().contentType(ContentType.JSON).body(Fixtures.youngPerson("Alex").replace("E09000024", "London"))
                .post("/young-people").then().statusCode(400).body("errors.field", hasItem("localAuthorityCode"))
                .body("detail", not(containsString("London")));
        given().contentType(ContentType.JSON).body(Fixtures.youngPerson("Alex").replace("\"pat@example.org\"", "null"))
                .post("/young-people").then().statusCode(400)
                .body("errors[0].field", startsWith("guardians[0]"));
        given().get("/young-people/not-a-uuid").then().statusCode(400);
        given().get("/young-people?page=abc").then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().get("/young-people?page=2147483647&size=200").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().queryParam("name", "a\u0000b").get("/young-people").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Fixtures.youngPerson("Al\\u0000ex"))
                .post("/young-people").then().statusCode(400).body("detail", not(containsString("Al")));
        given().contentType(ContentType.JSON).body(Fixtures.youngPerson("Alex").replace("2012-03-04", "-5000-01-01"))
                .post("/young-people").then().statusCode(400).body("errors[0].field", equalTo("dateOfBirth"));
        given().contentType(ContentType.JSON).body(Fixtures.youngPerson("Alex").replace("2012-03-04", "2999-01-01"))
                .post("/young-people").then().statusCode(400).body("errors[0].field", equalTo("dateOfBirth"));
    }

    @Test
    @TestSecurity(user = "notification-service", roles = "contact-reader")
    void notificationServiceLooksUpGuardianContactsOfTheEventsOrganisation() {
        String id = registerInOrgA("Casey");
        given().get("/young-people/" + id + "/contacts?organisation=org-a").then().statusCode(200)
                .body("guardians[0].email", equalTo("sam@example.org"));
        given().get("/young-people/" + id + "/contacts?organisation=org-b").then().statusCode(404);
        given().get("/young-people/" + id + "/contacts").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "coord-a", roles = "coordinator")
    @OidcSecurity(claims = @Claim(key = "org", value = "org-a"))
    void staffCannotReadTheServiceContactLookup() {
        String id = registerInOrgA("Casey");
        given().get("/young-people/" + id + "/contacts?organisation=org-a").then().statusCode(403);
    }
}
