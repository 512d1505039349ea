package app.slipway.core.notify;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A plain-text mail (RFC 5322 with MIME): ASCII goes as it is, anything else as UTF-8 in base64
 * (the subject RFC 2047-encoded), so no server needs 8BITMIME. Lines end in CRLF; a line starting
 * with a dot is doubled for DATA by {@link #forData}.
 */
final class MailMessage {
    private MailMessage() {}

    static String of(String from, List<String> to, String subject, String text, ZonedDateTime date) {
        String body = text.replace("\r\n", "\n").replace("\n", "\r\n");
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(body);
        var mail = new StringBuilder();
        header(mail, "From", from);
        header(mail, "To", String.join(", ", to));
        header(mail, "Subject", encodedWord(subject));
        header(mail, "Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date));
        header(mail, "Message-ID", "<" + UUID.randomUUID() + "@slipway>");
        header(mail, "MIME-Version", "1.0");
        header(mail, "Content-Type", "text/plain; charset=UTF-8");
        header(mail, "Content-Transfer-Encoding", ascii ? "7bit" : "base64");
        header(mail, "Auto-Submitted", "auto-generated"); // RFC 3834: no vacation replies to a robot
        mail.append("\r\n");
        if (ascii) {
            mail.append(body);
        } else {
            String encoded = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(body.getBytes(StandardCharsets.UTF_8));
            mail.append(encoded);
        }
        if (!mail.toString().endsWith("\r\n")) mail.append("\r\n");
        return mail.toString();
    }

    /** The message as DATA sends it: dot-stuffed, ending with the lone dot. */
    static byte[] forData(String message) {
        String stuffed = (message.startsWith(".") ? "." : "") + message.replace("\r\n.", "\r\n..");
        return (stuffed + ".\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void header(StringBuilder mail, String name, String value) {
        mail.append(name).append(": ").append(Notification.oneLine(value)).append("\r\n");
    }

    /**
     * RFC 2047: {@code =?UTF-8?B?…?=} for a subject that is not plain ASCII, in words of at most
     * 45 bytes (75 characters encoded), never splitting a character.
     */
    static String encodedWord(String text) {
        if (StandardCharsets.US_ASCII.newEncoder().canEncode(text)) return text;
        var words = new java.util.ArrayList<String>();
        var chunk = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String ch = new String(Character.toChars(codePoint));
            if ((chunk + ch).getBytes(StandardCharsets.UTF_8).length > 45) {
                words.add(word(chunk.toString()));
                chunk.setLength(0);
            }
            chunk.append(ch);
            i += Character.charCount(codePoint);
        }
        if (chunk.length() > 0) words.add(word(chunk.toString()));
        return String.join(" ", words);
    }

    private static String word(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
