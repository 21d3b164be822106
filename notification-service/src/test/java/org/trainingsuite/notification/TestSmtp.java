package org.trainingsuite.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server (GreenMail) on a free loopback port, shared by the module's tests. */
final class TestSmtp {

    private static final GreenMail SERVER = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SERVER.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop));
    }

    private TestSmtp() {
    }

    static int port() {
        return SERVER.getSmtp().getPort();
    }

    /** A message as the SMTP server received it. */
    record Mail(String from, String to, String subject, String body) {
    }

    /** Everything received for this address. */
    static List<Mail> to(String address) {
        return Arrays.stream(SERVER.getReceivedMessages()).map(TestSmtp::mail)
                .filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    private static Mail mail(MimeMessage m) {
        try {
            return new Mail(m.getFrom()[0].toString(), m.getRecipients(Message.RecipientType.TO)[0].toString(), m.getSubject(),
                    GreenMailUtil.getBody(m));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
