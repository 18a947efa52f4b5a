package org.safesessions.session.client;

import java.security.SecureRandom;

/** Meeting passcodes: 10 characters (Zoom's maximum) from Zoom's allowed set, letters, digits and {@code @ - _ *}. */
public final class Passcodes {

    static final String ALLOWED = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789@-_*";
    static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passcodes() {
    }

    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALLOWED.charAt(RANDOM.nextInt(ALLOWED.length())));
        }
        return code.toString();
    }
}
