package app.slipway.core.host;

import app.slipway.core.SlipwayException;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.SocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.Locale;

/**
 * The SSH connection as a local command's stdin and stdout ({@code ProxyCommand}, run by the shell
 * as ssh runs it, with %h %p %r %n expanded). Its error output is kept for the message when the
 * connection fails.
 */
final class CommandProxy implements Proxy {
    private final String command;
    private Process process;
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    CommandProxy(SshSettings target) {
        this.command = expand(target.options().proxyCommand(), target);
    }

    /** ssh_config's tokens (%h %p %r %n %%, as for IdentityFile); a leading {@code exec} is ssh's own habit. */
    static String expand(String template, SshSettings s) {
        String alias = s.options().alias() == null ? s.host() : s.options().alias();
        String expanded = new SshSettings.Tokens(alias, s.host(), s.port(), s.user()).expand(template);
        return expanded.startsWith("exec ") ? expanded.substring(5) : expanded;
    }

    @Override
    public void connect(SocketFactory ignored, String host, int port, int timeout) throws Exception {
        List<String> argv = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? List.of("cmd.exe", "/c", command) : List.of("/bin/sh", "-c", "exec " + command);
        try {
            process = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw SlipwayException.refused("The proxy command " + command + " cannot be started: " + e.getMessage() + ".", e);
        }
        Thread drain = new Thread(() -> {
            try (InputStream err = process.getErrorStream()) {
                err.transferTo(errors);
            } catch (IOException e) {
                // the command is gone
            }
        }, "slipway-proxy-command-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    /** What the command said on stderr, last line, for a failed connection. */
    String lastError() {
        String text;
        synchronized (errors) {
            text = errors.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
        return text.strip().lines().reduce((a, b) -> b).orElse("");
    }

    String command() {
        return command;
    }

    @Override
    public InputStream getInputStream() {
        return process.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() {
        return process.getOutputStream();
    }

    @Override
    public Socket getSocket() {
        return null;
    }

    @Override
    public void close() {
        if (process != null) process.destroy();
    }
}
