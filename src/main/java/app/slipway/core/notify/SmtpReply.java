package app.slipway.core.notify;

import java.util.List;
import java.util.Locale;

/** One SMTP reply: its code and its lines' texts ({@code 250-STARTTLS} gives {@code STARTTLS}). */
record SmtpReply(int code, List<String> lines) {
    SmtpReply {
        lines = List.copyOf(lines);
    }

    /** The first line, as messages quote it: {@code 535 5.7.8 Authentication credentials invalid}. */
    String quoted() {
        return code + (lines.isEmpty() || lines.get(0).isBlank() ? "" : " " + lines.get(0).strip());
    }

    /** Whether an EHLO reply lists the extension ({@code STARTTLS}, {@code AUTH}). */
    boolean offers(String extension) {
        return parameters(extension) != null;
    }

    /** The extension's parameters ({@code AUTH PLAIN LOGIN} gives {@code PLAIN LOGIN}), null when not offered. */
    String parameters(String extension) {
        String wanted = extension.toUpperCase(Locale.ROOT);
        for (String line : lines) {
            String upper = line.strip().toUpperCase(Locale.ROOT);
            if (upper.equals(wanted)) return "";
            if (upper.startsWith(wanted + " ") || upper.startsWith(wanted + "=")) return upper.substring(wanted.length() + 1);
        }
        return null;
    }
}
