package io.circuitos.cases;

/** A case book, or a candidate file to run it on, that cannot be read: the message names the file and the problem. */
public class CaseBookException extends RuntimeException {

    public CaseBookException(String message) {
        super(message);
    }
}
