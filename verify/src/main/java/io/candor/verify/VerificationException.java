package io.candor.verify;

/** A proof, signature or file that does not verify; the message says which and why. */
public final class VerificationException extends RuntimeException {

    public VerificationException(String message) {
        super(message);
    }
}
