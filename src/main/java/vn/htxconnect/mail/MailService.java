package vn.htxconnect.mail;

/** The mail module's API for other modules. */
public interface MailService {

    /**
     * Queues one plain-text mail. Must run inside the caller's transaction: the mail goes out after the commit,
     * at least once, and not at all when the transaction rolls back.
     *
     * @param purpose a short name of why it is sent ({@code password-reset}, {@code invitation} …), for the log
     *                and the mail log table; not shown to the recipient
     */
    void send(OutgoingMail mail, String purpose);
}
