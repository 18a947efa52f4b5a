package org.safesessions.kit.problem;

/** A record that does not exist, or belongs to another organisation: both answer the same 404. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String what) {
        super(what + " not found");
    }
}
