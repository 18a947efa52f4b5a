package org.safesessions.portal;

import io.restassured.response.Response;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** A browser's view of a form: the CSRF cookie and the token the page put in its hidden field. */
record Forms(String cookie, String token) {

    private static final Pattern FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    static Forms from(String path) {
        Response page = given().get(path);
        Matcher m = FIELD.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + path + ": " + page.asString());
        }
        return new Forms(page.getCookie("portal-csrf"), m.group(1));
    }

    io.restassured.specification.RequestSpecification post() {
        return given().redirects().follow(false).cookie("portal-csrf", cookie).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token);
    }
}
