package app.slipway.core.host;

import app.slipway.core.SlipwayException;
import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The next SSH connection carried inside a jump host's session ({@code ProxyJump}, like
 * {@code ssh -J}: a direct-tcpip channel, so the jump host never sees the inner session's keys or
 * data). Owns the jump host's session: closing the connection it carries closes that too.
 */
final class JumpProxy implements Proxy {
    private final Session jump;
    private final SshSettings via;
    private ChannelDirectTCPIP channel;
    private InputStream in;
    private OutputStream out;

    JumpProxy(Session jump, SshSettings via) {
        this.jump = jump;
        this.via = via;
    }

    @Override
    public void connect(SocketFactory ignored, String host, int port, int timeout) throws Exception {
        try {
            channel = (ChannelDirectTCPIP) jump.openChannel("direct-tcpip");
            channel.setHost(host);
            channel.setPort(port);
            in = channel.getInputStream();
            out = channel.getOutputStream();
            channel.connect(timeout > 0 ? timeout : SshConnector.CONNECT_TIMEOUT_MS);
        } catch (JSchException e) {
            throw SlipwayException.refused("The jump host " + via.user() + "@" + via.hostPort()
                    + " could not open a connection to " + host + ":" + port + " (" + e.getMessage()
                    + "): check that it may forward there (AllowTcpForwarding) and that the server answers.", e);
        }
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public Socket getSocket() {
        return null;
    }

    @Override
    public synchronized void close() {
        if (channel != null) channel.disconnect();
        jump.disconnect();
    }
}
