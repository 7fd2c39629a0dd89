package org.shannon4j.cli;

/** A command line that cannot be run as given; the dispatcher prints the message and the command's usage. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the option and the value
     */
    public UsageException(String message) {
        super(message);
    }
}
