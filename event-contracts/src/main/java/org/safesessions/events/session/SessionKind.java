package org.safesessions.events.session;

/** A group session, or a one-to-one session with one young person. */
public enum SessionKind {
    GROUP,
    ONE_TO_ONE
}
