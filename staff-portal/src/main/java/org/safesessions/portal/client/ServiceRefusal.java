package org.safesessions.portal.client;

/**
 * A service said 401, 403 or 404 to a read the page cannot do without. The service decided: the portal only shows
 * its answer as a page (sign in again, not allowed, not found).
 */
public class ServiceRefusal extends RuntimeException {

    private final int status;

    public ServiceRefusal(Service service, int status) {
        super(service + " answered " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
