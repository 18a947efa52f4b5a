package org.safesessions.testkit;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * What every service offers from day one: liveness, readiness covering its database and Kafka, the OpenAPI
 * document, Prometheus metrics, and problem+json for unknown paths. A service's test extends this with
 * {@code @QuarkusTest}.
 */
public abstract class ServiceBasicsContract {

    @Test
    void isLive() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void isReadyWithItsDatabaseAndReportsKafkaApart() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem("kafka-broker")));
        given().get("/q/health/group/kafka").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("kafka-broker"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void unknownPathIsProblemJson() {
        given().get("/no-such-resource").then().statusCode(404).contentType(containsString("application/problem+json"));
    }
}
