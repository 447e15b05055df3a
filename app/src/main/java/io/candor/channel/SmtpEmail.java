package io.candor.channel;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import io.candor.compliance.Channel;
import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP (Jakarta Mail): settings {@code host}, {@code port}, {@code from}, optional {@code username}
 * (the secret is its password) and {@code starttls} ({@code true} to require it). The provider id is the
 * Message-ID; the message carries {@code X-Candor-Message} so replies and bounces can be matched.
 */
@Component
class SmtpEmail implements ChannelAdapter {

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Delivery send(OutboundMessage m, Providers.Provider p) {
        Properties props = new Properties();
        props.put("mail.smtp.host", p.setting("host"));
        props.put("mail.smtp.port", p.settings().getOrDefault("port", "587"));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        String username = p.settings().get("username");
        boolean tls = Boolean.parseBoolean(p.settings().getOrDefault("starttls", "false"));
        props.put("mail.smtp.starttls.enable", Boolean.toString(tls));
        props.put("mail.smtp.starttls.required", Boolean.toString(tls));
        Session session;
        if (username != null && !username.isBlank()) {
            props.put("mail.smtp.auth", "true");
            String password = p.secret() == null ? "" : p.secret();
            session = Session.getInstance(props, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username, password);
                }
            });
        } else {
            session = Session.getInstance(props);
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(p.setting("from")));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(m.to(), true));
            message.setSubject(m.subject() == null ? "" : m.subject(), StandardCharsets.UTF_8.name());
            if (m.attachments().isEmpty()) {
                message.setText(m.body(), StandardCharsets.UTF_8.name());
            } else {
                MimeMultipart parts = new MimeMultipart();
                MimeBodyPart text = new MimeBodyPart();
                text.setText(m.body(), StandardCharsets.UTF_8.name());
                parts.addBodyPart(text);
                for (OutboundMessage.Attachment a : m.attachments()) {
                    MimeBodyPart file = new MimeBodyPart();
                    file.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.mediaType())));
                    file.setFileName(a.name());
                    file.setDisposition(Part.ATTACHMENT);
                    parts.addBodyPart(file);
                }
                message.setContent(parts);
            }
            message.setHeader("X-Candor-Message", m.id().toString());
            message.setHeader("Content-Language", m.locale());
            message.saveChanges();
            Transport.send(message);
            return new Delivery.Accepted(message.getMessageID(),
                    m.attachments().stream().map(OutboundMessage.Attachment::content).toList());
        } catch (MessagingException e) {
            return new Delivery.Failed("SMTP: " + e.getMessage());
        }
    }
}
