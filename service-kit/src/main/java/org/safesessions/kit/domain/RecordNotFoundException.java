package org.safesessions.kit.domain;

/** A record that does not exist, or belongs to another organisation: both answer the same 404. */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String what) {
        super(what + " not found");
    }
}
