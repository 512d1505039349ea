package app.slipway.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.LocalTarget;
import app.slipway.core.host.SshSettings;
import app.slipway.core.host.SshTarget;
import app.slipway.core.host.Target;
import app.slipway.testbed.Testbed;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A target (this machine, or the testbed's sshd as root) and a fresh install directory per test,
 * under a {@code mktemp -d} on the target that is removed afterwards. Never skips: without the
 * testbed the SSH variants fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StateFixture {
    Target target;
    /** The install directory of the current test (absolute; its name has a space in it). */
    String dir;
    private String root;
    private int counter;

    abstract Target open();

    static Target local() {
        return new LocalTarget();
    }

    static Target ssh() {
        Testbed tb = Testbed.require();
        return SshTarget.connect(SshSettings.of("root", tb.sshHost(), tb.sshPort())
                .withIdentityFile(tb.sshKey()).withKnownHostsFile(tb.knownHosts()).withUseAgent(false));
    }

    @BeforeAll
    void openTarget() {
        target = open();
        ExecResult r = target.exec(Command.of("mktemp", "-d"));
        assertEquals(0, r.exitCode(), r.stderr());
        root = r.stdout().strip();
    }

    @AfterAll
    void closeTarget() {
        if (target == null) return;
        if (root != null) target.exec(Command.of("rm", "-rf", "--", root));
        target.close();
    }

    @BeforeEach
    void scratch() {
        dir = root + "/t" + (++counter) + "/my stack";
        target.mkdirs(dir);
    }

    void write(String path, String text, Integer mode) {
        target.writeFileAtomically(path, text.getBytes(StandardCharsets.UTF_8), mode);
    }

    String read(String path) {
        return new String(target.readFile(path), StandardCharsets.UTF_8);
    }

    int mode(String path) {
        return target.stat(path).orElseThrow(() -> new AssertionError(path + " is missing")).mode();
    }

    boolean exists(String path) {
        return target.stat(path).isPresent();
    }

    String inode(String path) {
        ExecResult r = target.exec(Command.of("stat", "-c", "%i", path));
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout().strip();
    }
}
