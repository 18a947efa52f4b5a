package org.safesessions.portal.client;

/** A service did not answer, or answered 5xx: the page says which part of the suite is down, never a stack trace. */
public class ServiceUnavailable extends RuntimeException {

    private final Service service;

    public ServiceUnavailable(Service service, String why) {
        super(service + " unavailable: " + why);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
