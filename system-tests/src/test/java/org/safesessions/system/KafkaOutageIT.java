package org.safesessions.system;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Nothing is lost while Kafka is down: consent-service keeps accepting work, its events wait in the outbox, and
 * once the broker is back the projection and the guardian's email follow, exactly once.
 */
class KafkaOutageIT {

    private static void suite(String... args) {
        File root = new File(System.getProperty("suite.root", "..")).getAbsoluteFile();
        String[] command = new String[args.length + 1];
        command[0] = new File(root, "bin/suite").getPath();
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            // never the test JVM's own streams: Failsafe talks to it over stdin and stdout
            Process process = new ProcessBuilder(command).directory(root)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/kafka-outage-suite.log"))).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("bin/suite " + String.join(" ", args) + " failed (see target/kafka-outage-suite.log)");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void consentRecordedWhileKafkaIsDownArrivesOnceItIsBack() throws InterruptedException {
        String guardianEmail = "outage-" + UUID.randomUUID() + "@example.org";
        String coordinator = Suite.tokenOf("coord-a");
        String worker = Suite.tokenOf("worker-a");
        String youngPersonId;
        suite("stop", "kafka");
        try {
            var registered = RestAssured.given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("""
                            {"preferredName":"Sam","dateOfBirth":"2013-01-09","localAuthorityCode":"E10000020",
                             "guardians":[{"name":"Lou Guardian","relationship":"mother","email":"%s",
                                           "preferredChannel":"EMAIL"}]}""".formatted(guardianEmail))
                    .post(Suite.CONSENT + "/young-people").then().statusCode(201).extract().jsonPath();
            youngPersonId = registered.getString("id");
            RestAssured.given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("""
                            {"scope":"GROUP_SESSIONS","platforms":["ZOOM"],"givenBy":"GUARDIAN","guardianId":"%s",
                             "evidenceReference":"FORM-OUTAGE","evidenceMethod":"PAPER_FORM",
                             "givenAt":"%s"}""".formatted(registered.getString("guardians[0].id"), Suite.yesterday()))
                    .post(Suite.CONSENT + "/young-people/" + youngPersonId + "/consents").then().statusCode(201);

            Thread.sleep(2_000);
            RestAssured.given().auth().oauth2(worker)
                    .get(Suite.SESSION + "/young-people/" + youngPersonId + "/consent-state").then().statusCode(404);
            assertEquals(0, Suite.mailTo(guardianEmail).size(), "nothing can travel while Kafka is down");
        } finally {
            suite("start", "kafka");
        }

        String id = youngPersonId;
        Suite.await("the projection catches up", Duration.ofSeconds(90), () ->
                RestAssured.given().auth().oauth2(worker)
                        .get(Suite.SESSION + "/young-people/" + id + "/consent-state").statusCode() == 200 ? true : null);
        Suite.await("the guardian's email arrives", Duration.ofSeconds(60), () ->
                Suite.mailTo(guardianEmail).isEmpty() ? null : true);
        Thread.sleep(2_000);
        assertEquals(1, Suite.mailTo(guardianEmail).size(), "delivered once");
    }
}
